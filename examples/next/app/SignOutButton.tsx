'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { signOut } from './authClient';

export function SignOutButton() {
  const router = useRouter();
  const queryClient = useQueryClient();
  return (
    <button
      type="button"
      onClick={async () => {
        await signOut();
        queryClient.clear();
        router.replace('/sign-in');
      }}
    >
      Sign out
    </button>
  );
}
