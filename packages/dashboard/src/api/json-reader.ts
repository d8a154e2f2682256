/**
 * Reads a JSON value whose shape the API promises, checking each field as it is read, so that a
 * response that differs from the contract fails loudly at the boundary instead of later in a
 * component. No casts: every accessor checks the runtime type it returns.
 */
export class JsonReader {
  private constructor(
    private readonly fields: ReadonlyMap<string, unknown>,
    private readonly path: string,
  ) {}

  static of(value: unknown, path = 'response'): JsonReader {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new ResponseShapeError(path);
    }

    return new JsonReader(new Map(Object.entries(value)), path);
  }

  has(key: string): boolean {
    return this.fields.has(key);
  }

  string(key: string): string {
    const value = this.fields.get(key);
    if (typeof value !== 'string') throw new ResponseShapeError(this.at(key));

    return value;
  }

  nullableString(key: string): string | null {
    return this.fields.get(key) === null ? null : this.string(key);
  }

  number(key: string): number {
    const value = this.fields.get(key);
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ResponseShapeError(this.at(key));
    }

    return value;
  }

  boolean(key: string): boolean {
    const value = this.fields.get(key);
    if (typeof value !== 'boolean') throw new ResponseShapeError(this.at(key));

    return value;
  }

  /** A string that must be one of `options` (an enum of the API). */
  oneOf<T extends string>(key: string, options: readonly T[]): T {
    return oneOf(this.fields.get(key), options, this.at(key));
  }

  object(key: string): JsonReader {
    return JsonReader.of(this.fields.get(key), this.at(key));
  }

  nullableObject(key: string): JsonReader | null {
    return this.fields.get(key) === null ? null : this.object(key);
  }

  array<T>(key: string, read: (item: unknown, path: string) => T): T[] {
    const value = this.fields.get(key);
    if (!Array.isArray(value)) throw new ResponseShapeError(this.at(key));

    return value.map((item: unknown, index) => read(item, `${this.at(key)}[${index}]`));
  }

  objects<T>(key: string, read: (item: JsonReader) => T): T[] {
    return this.array(key, (item, path) => read(JsonReader.of(item, path)));
  }

  strings(key: string): string[] {
    return this.array(key, (item, path) => {
      if (typeof item !== 'string') throw new ResponseShapeError(path);
      return item;
    });
  }

  /** Every own field as a number (a map such as `{ "<archetype id>": visitors }`). */
  numbers(): Map<string, number> {
    const result = new Map<string, number>();
    for (const key of this.fields.keys()) result.set(key, this.number(key));

    return result;
  }

  private at(key: string): string {
    return `${this.path}.${key}`;
  }
}

/** `value` if it is one of `options`; `path` names it in the error otherwise. */
export function oneOf<T extends string>(value: unknown, options: readonly T[], path: string): T {
  const match = options.find((option) => option === value);
  if (match === undefined) throw new ResponseShapeError(path);

  return match;
}

/** The API answered with a shape other than its contract (a version skew or a bug). */
export class ResponseShapeError extends Error {
  constructor(readonly path: string) {
    super(`unexpected response shape at ${path}`);
    this.name = 'ResponseShapeError';
  }
}
