'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-client';
import { useTranslateMessage } from './use-translate-message';

/** Where a form's zod schema comes from: loaded on demand, so zod is not in any page's first-load JavaScript. */
export type SchemaLoader<S> = () => Promise<S>;

/**
 * The schemas of one module by name, each loaded the first time a form needs it:
 * `const schemas = lazySchemas(() => import('@/lib/users/schema'))`, then `useActionForm(schemas.ZCreateUser, …)`.
 */
export function lazySchemas<M extends object>(load: () => Promise<M>) {
  return new Proxy({} as { [K in keyof M]: SchemaLoader<M[K]> }, {
    // Only schema names: not `then` (the object must never look like a promise) nor symbols.
    get: (_, name) =>
      typeof name === 'string' && name !== 'then' ? () => load().then((m) => m[name as keyof M]) : undefined,
  });
}

/**
 * A resolver that loads the schema (and the zod resolver) the first time it is needed. The form starts
 * loading both once it is on screen, so by the first submit they are normally there already.
 */
function lazyResolver<S extends z.ZodType<unknown, FieldValues>>(load: SchemaLoader<S>) {
  let ready: Promise<Resolver<FieldValues>> | undefined;
  const get = () =>
    (ready ??= Promise.all([load(), import('@hookform/resolvers/zod')]).then(
      ([schema, { zodResolver }]) => zodResolver(schema as never) as unknown as Resolver<FieldValues>,
      (e: unknown) => {
        // A chunk that did not arrive (a dropped connection, a new deploy): the next submit tries again.
        ready = undefined;
        throw e;
      },
    ));
  const resolver: Resolver<FieldValues> = async (values, context, options) =>
    (await get())(values, context, options);
  return { resolver, preload: () => void get().catch(() => undefined) };
}

/**
 * react-hook-form bound to a zod schema (the same one the server action parses) and a server action.
 * Server-side field errors land on their fields; other errors in `formError`. While a submit is
 * under way the form refuses another (no double submit). After a success `saved` holds until the next submit,
 * and with `refresh` the page's server data is read again (as `useAction` does).
 */
export function useActionForm<S extends z.ZodType<unknown, FieldValues>, T>(
  schema: SchemaLoader<S>,
  action: (input: z.input<S>) => Promise<ActionResult<T>>,
  opts: { defaultValues?: DefaultValues<z.input<S>>; onSuccess?: (data: T) => void; refresh?: boolean } = {},
) {
  const tm = useTranslateMessage();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [lazy] = useState(() => lazyResolver(schema));
  useEffect(() => lazy.preload(), [lazy]);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: lazy.resolver as never,
    defaultValues: opts.defaultValues,
  });
  const validated = form.handleSubmit(async (_data, e) => {
    const target = e?.currentTarget ?? e?.target;
    const formEl = target instanceof HTMLFormElement ? target : null;
    const shown = (name: string) => {
      const el = formEl?.elements.namedItem(name);
      return !!el && !(el instanceof HTMLInputElement && el.type === 'hidden');
    };
    setFormError(undefined);
    const result = await action(form.getValues());
    if (result.ok) {
      setSaved(true);
      opts.onSuccess?.(result.data);
      if (opts.refresh) router.refresh();
      return;
    }
    // A refusal that names a field the page shows is said there once (the first such field takes the focus); one
    // naming a value the form only carries (a hidden id) is said above, as are the rest.
    let placed = false;
    for (const [field, m] of Object.entries(result.fieldErrors ?? {})) {
      if (field !== '_form' && field in (form.getValues() as object) && shown(field)) {
        form.setError(field as Path<z.input<S>>, { type: 'server', message: m }, { shouldFocus: !placed });
        placed = true;
      }
    }
    if (!placed) setFormError(tm(result.text ?? result.error, result.params));
  });
  // The schema could not be loaded to check the form: say so instead of a silent button.
  const submit = (e?: React.BaseSyntheticEvent) => {
    // "Saved" goes the moment the next submit is asked for, before the schema has loaded or refused anything.
    setSaved(false);
    return validated(e).catch(() => setFormError(tm('errors.unexpected', { ref: '-' })));
  };
  const errorOf = (name: string) => {
    const e = (form.formState.errors as Record<string, { message?: string } | undefined>)[name];
    return tm(e?.message);
  };
  /** A control's registration and its error, to spread on a labelled field. */
  const field = (name: Path<z.input<S>>) => ({ error: errorOf(name), ...form.register(name) });
  return { form, submit, formError, errorOf, field, saved, busy: form.formState.isSubmitting };
}
