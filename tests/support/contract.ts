/**
 * Live answers checked against the OpenAPI document the API publishes: the status must be one
 * the operation declares, and the body must match that response's schema for its content type.
 * JSON Schema 2020-12 (OpenAPI 3.1's dialect) with Ajv.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openApiDocument } from '#schemas/openapi.ts';

const document = openApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ $id: 'relais', components: document.components }, 'relais');

type Operation = {
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
};

const rebased = (schema: unknown): unknown =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"relais#/components/'));

/** What is wrong with this answer to `method path` (the path template), or undefined. */
export const contractViolation = (
  method: string,
  pathTemplate: string,
  answer: { status: number; contentType: string | null; body: unknown },
): string | undefined => {
  const operation = (document.paths[pathTemplate] as Record<string, Operation> | undefined)?.[
    method.toLowerCase()
  ];
  if (!operation) return `${method} ${pathTemplate} is not in the document`;
  const declared = operation.responses[String(answer.status)];
  if (!declared)
    return `${method} ${pathTemplate} answered ${answer.status}, which the document does not list`;
  if (!declared.content)
    return answer.body === undefined ? undefined : `answered a body where none is declared`;
  const type = (answer.contentType ?? '').split(';')[0]!.trim();
  const media = declared.content[type];
  if (!media)
    return `answered ${answer.status} as ${type}, declared as ${Object.keys(declared.content).join(', ')}`;
  // A file (a PDF, a calendar): its media type is the contract.
  if ((media.schema as { format?: string }).format === 'binary') return undefined;
  const validate = ajv.compile(rebased(media.schema) as object);
  return validate(answer.body) ? undefined : ajv.errorsText(validate.errors);
};
