// Edits the public profile: display name and bio.
import { type FormEvent, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { useFormErrors } from '@/hooks/use-form-errors';
import type { User } from '@/lib/user-schema';
import { collect } from '@/utils/validate';
import { useUpdateProfile } from '../api/update-profile';
import { PROFILE_LIMITS } from '../schema';

const FIELDS = ['display_name', 'bio'] as const;

export function ProfileForm({ user }: { user: User }) {
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const update = useUpdateProfile();
  const [displayName, setDisplayName] = useState(user.display_name);
  const [bio, setBio] = useState(user.bio);
  const [saved, setSaved] = useState(false);
  const changed = displayName !== user.display_name || bio !== user.bio;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const found = collect(
      {},
      'display_name',
      displayName.trim() === '',
      'Enter the name other readers will see.',
    );
    if (!errors.check(found)) return;
    update.mutate(
      { display_name: displayName.trim(), bio: bio.trim() },
      {
        onSuccess: (next) => {
          setDisplayName(next.display_name);
          setBio(next.bio);
          setSaved(true);
        },
        onError: (error) => errors.fromError(error, FIELDS),
      },
    );
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="flex flex-col gap-5">
      {saved ? (
        <FormAlert tone="success">Profile saved.</FormAlert>
      ) : (
        <FormAlert>{errors.alert}</FormAlert>
      )}
      <TextField
        label="Display name"
        name="display_name"
        autoComplete="nickname"
        required
        maxLength={PROFILE_LIMITS.displayName}
        value={displayName}
        error={errors.fields.display_name}
        onChange={(event) => {
          setDisplayName(event.target.value);
          setSaved(false);
          errors.clearField('display_name');
        }}
      />
      <TextareaField
        label="Bio"
        name="bio"
        rows={5}
        maxLength={PROFILE_LIMITS.bio}
        hint={`A few words about you and what you like to read. ${bio.length}/${PROFILE_LIMITS.bio}`}
        value={bio}
        error={errors.fields.bio}
        onChange={(event) => {
          setBio(event.target.value);
          setSaved(false);
          errors.clearField('bio');
        }}
      />
      <div>
        <Button type="submit" disabled={update.isPending || !changed}>
          {update.isPending ? 'Saving…' : 'Save profile'}
        </Button>
      </div>
    </form>
  );
}
