/** An error raised on purpose, whose message key (lib/i18n/messages) may be shown to the user. */
export class UserError extends Error {
  constructor(
    public readonly key: string,
    public readonly params: Record<string, string | number> = {},
    public readonly field?: string,
  ) {
    super(key);
    this.name = 'UserError';
  }
}

/** Refused by lib/policy.ts. Pages turn it into the 403 page; actions into errors.forbidden. */
export class ForbiddenError extends UserError {
  constructor() {
    super('errors.forbidden');
    this.name = 'ForbiddenError';
  }
}

export class NotFoundError extends UserError {
  constructor() {
    super('errors.notFound');
    this.name = 'NotFoundError';
  }
}
