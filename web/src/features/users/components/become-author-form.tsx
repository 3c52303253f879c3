// "Become an author": creates the reader's author profile, which unlocks publishing.
import { type FormEvent, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { useFormErrors } from '@/hooks/use-form-errors';
import type { User } from '@/lib/user-schema';
import { useBecomeAuthor } from '../api/become-author';
import { PROFILE_LIMITS } from '../schema';

const FIELDS = ['name', 'bio'] as const;

export function BecomeAuthorForm({ user }: { user: User }) {
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const become = useBecomeAuthor();
  const [name, setName] = useState(user.display_name);
  const [bio, setBio] = useState(user.bio);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    errors.clear();
    become.mutate({ name, bio }, { onError: (error) => errors.fromError(error, FIELDS) });
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="flex flex-col gap-5">
      <FormAlert>{errors.alert}</FormAlert>
      <TextField
        label="Author name"
        name="name"
        hint="The name printed on your books. Your display name is used if you leave it empty."
        maxLength={PROFILE_LIMITS.displayName}
        value={name}
        error={errors.fields.name}
        onChange={(event) => {
          setName(event.target.value);
          errors.clearField('name');
        }}
      />
      <TextareaField
        label="Author bio"
        name="bio"
        rows={4}
        maxLength={PROFILE_LIMITS.bio}
        hint="Shown on your author page."
        value={bio}
        error={errors.fields.bio}
        onChange={(event) => {
          setBio(event.target.value);
          errors.clearField('bio');
        }}
      />
      <div>
        <Button type="submit" disabled={become.isPending}>
          {become.isPending ? 'Creating your author page…' : 'Become an author'}
        </Button>
      </div>
    </form>
  );
}
