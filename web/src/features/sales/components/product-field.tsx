/**
 * The choice of a product of the catalogue, named in the user's language, its description as the
 * hint: flat (the simulator's loans) or grouped by family with a first « choose » entry (a deal).
 */

import type { Product } from '#schemas/sales/product.ts';
import { FormField } from '#web/src/components/ui/form-field.tsx';
import type { Lang } from '#web/src/lib/i18n.ts';

export type ProductFieldProps = {
  id: string;
  label: string;
  lang: Lang;
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
} & (
  | { products: readonly Product[] }
  | {
      groups: readonly { family: string; label: string; products: readonly Product[] }[];
      placeholder: string;
    }
);

export const ProductField = (props: ProductFieldProps) => {
  const { id, label, lang, value, onChange, error } = props;
  const all = 'groups' in props ? props.groups.flatMap((group) => group.products) : props.products;
  const chosen = all.find((product) => product.code === value);
  const option = (product: Product) => (
    <option key={product.code} value={product.code}>
      {product.name[lang]}
    </option>
  );
  return (
    <FormField
      id={id}
      label={label}
      {...(chosen ? { hint: chosen.description[lang] } : {})}
      {...(error ? { error } : {})}
    >
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          {'groups' in props ? (
            <>
              <option value="">{props.placeholder}</option>
              {props.groups.map((group) => (
                <optgroup key={group.family} label={group.label}>
                  {group.products.map(option)}
                </optgroup>
              ))}
            </>
          ) : (
            props.products.map(option)
          )}
        </select>
      )}
    </FormField>
  );
};
