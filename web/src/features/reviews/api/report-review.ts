// POST /api/reviews/{id}/report: tells the admins about a review (once per reader; again is 409).
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

export function reportReview({ reviewId, reason }: { reviewId: number; reason: string }) {
  return api.post(`/reviews/${reviewId}/report`, { reason }, { schema: z.unknown() });
}

export function useReportReview() {
  return useMutation({ mutationFn: reportReview });
}
