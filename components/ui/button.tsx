import Link from 'next/link';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';
// Short class names (app/globals.css): a list of 78 tasks with a button each repeated the 180 characters of
// Tailwind classes 78 times in the HTML and again in the RSC payload.
const styles: Record<Variant, string> = {
  primary: 'wb-btn wb-btn-primary',
  secondary: 'wb-btn wb-btn-secondary',
  danger: 'wb-btn wb-btn-danger',
  ghost: 'wb-btn wb-btn-ghost',
};
const classOf = (variant: Variant, extra: string) =>
  extra ? `${styles[variant]} ${extra}` : styles[variant];

export function Button({
  variant = 'primary',
  className = '',
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button className={classOf(variant, className)} {...props} />;
}

export function LinkButton({
  variant = 'secondary',
  className = '',
  ...props
}: React.ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={classOf(variant, className)} {...props} />;
}

/** A plain anchor styled as a button: for a file download from an API route, which client navigation must not take. */
export function AnchorButton({
  variant = 'secondary',
  className = '',
  ...props
}: React.AnchorHTMLAttributes<HTMLAnchorElement> & { variant?: Variant }) {
  return <a className={classOf(variant, className)} {...props} />;
}
