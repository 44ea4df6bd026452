import { redirect } from 'next/navigation';
import { getSessionUser } from '@/lib/auth/current-user';
import { LoginForm } from './_components/login-form';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('login');

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await getSessionUser()) redirect('/');
  const { next } = await searchParams;
  return <LoginForm next={typeof next === 'string' ? next : '/'} />;
}
