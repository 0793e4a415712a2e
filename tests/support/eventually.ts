/** Reads `read` again, `everyMs` apart, until `done` holds or `ms` have passed; answers the last value. */
export const eventually = async <T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 30_000,
  everyMs = 500,
): Promise<T> => {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, everyMs));
    value = await read();
  }
  return value;
};
