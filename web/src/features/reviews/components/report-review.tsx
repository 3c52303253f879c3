// "Report" under someone else's review: asks for a reason and sends it to the admins.
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextareaField } from '@/components/ui/textarea-field';
import { ApiError } from '@/lib/api-client';
import { formErrorMessage } from '@/lib/form-errors';
import { useReportReview } from '../api/report-review';
import { REVIEW_LIMITS } from '../schema';

export function ReportReview({ reviewId }: { reviewId: number }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const report = useReportReview();

  if (report.isSuccess) {
    return (
      <p role="status" className="text-xs text-ink-muted">
        Thanks. The admins will take a look.
      </p>
    );
  }
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="text-xs text-ink-muted underline-offset-4 hover:text-negative hover:underline"
      >
        Report
      </button>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError('Say briefly what is wrong with this review.');
      return;
    }
    report.mutate(
      { reviewId, reason: reason.trim() },
      {
        onError: (failure) =>
          setError(
            failure instanceof ApiError && failure.status === 409
              ? 'You have already reported this review.'
              : (formErrorMessage(failure, []) ?? undefined),
          ),
      },
    );
  };

  return (
    <form
      noValidate
      onSubmit={submit}
      className="mt-2 flex flex-col gap-3"
      aria-label="Report review"
    >
      <TextareaField
        label="Why should the admins look at this review?"
        rows={2}
        maxLength={REVIEW_LIMITS.reason}
        value={reason}
        error={error}
        onChange={(event) => {
          setReason(event.target.value);
          setError(undefined);
        }}
      />
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={report.isPending}>
          {report.isPending ? 'Sending…' : 'Send report'}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
