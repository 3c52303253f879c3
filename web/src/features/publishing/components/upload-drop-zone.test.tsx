// The upload slot end to end with a fake XMLHttpRequest: the target is asked for, the bytes go
// with exactly the signed headers, the bar follows upload.onprogress, the server checks the file,
// and a refusal lists the server's reasons.
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, mockApi } from '@/testing/api-mock';
import { jsonResponse } from '@/testing/fetch';
import { renderWithProviders } from '@/testing/render';
import { useUpload } from '../hooks/use-upload';
import type { CompleteAnswer } from '../schema';
import { UploadDropZone } from './upload-drop-zone';

/** Stands in for XMLHttpRequest: the test drives progress and the answer. */
class FakeXhr {
  static sent: FakeXhr[] = [];
  upload: { onprogress: ((event: Partial<ProgressEvent>) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = '';
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    if (name.toLowerCase() === 'content-length') throw new Error('Refused to set unsafe header');
    this.headers[name] = value;
  }
  getResponseHeader() {
    return null;
  }
  send(body: unknown) {
    this.body = body;
    FakeXhr.sent.push(this);
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true });
  }
  respond(status: number, text = '') {
    this.status = status;
    this.responseText = text;
    this.onload?.();
  }
}

function fileRow(status: string) {
  return {
    id: 31,
    book_id: 7,
    kind: 'manuscript',
    status,
    version: 1,
    original_name: 'alice.epub',
    content_type: 'application/epub+zip',
    size: 5,
    sha256: null,
    metadata: null,
    created_at: '2026-11-26T03:24:11Z',
    completed_at: null,
  };
}

const target = {
  file: fileRow('pending'),
  upload: {
    method: 'PUT',
    url: '/api/uploads/signed-token',
    headers: { 'Content-Type': 'application/epub+zip', 'Content-Length': '5' },
    expires_in: 900,
  },
};

function Harness({ onComplete }: { onComplete: (answer: CompleteAnswer) => void }) {
  const upload = useUpload('manuscript', { bookId: () => Promise.resolve(7), onComplete });
  return (
    <UploadDropZone
      kind="manuscript"
      label="Manuscript"
      prompt="Drop your EPUB here"
      state={upload.state}
      onFile={(file) => void upload.start(file)}
      onCancel={upload.cancel}
    />
  );
}

const epub = () => new File(['hello'], 'alice.epub', { type: 'application/epub+zip' });

async function waitForXhr(): Promise<FakeXhr> {
  await vi.waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
  return FakeXhr.sent[0] as FakeXhr;
}

describe('UploadDropZone with useUpload', () => {
  beforeEach(() => {
    FakeXhr.sent = [];
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows real progress, sends the signed headers, then completes', async () => {
    const mock = mockApi({
      'POST /api/books/7/files': () => jsonResponse(201, target),
      'POST /api/books/7/files/31/complete': () =>
        jsonResponse(200, {
          file: fileRow('ready'),
          report: { format: 'epub', metadata: { title: 'Alice', subjects: [], creators: [] } },
        }),
    });
    const onComplete = vi.fn();
    renderWithProviders(<Harness onComplete={onComplete} />);

    await userEvent.upload(screen.getByLabelText('Manuscript file'), epub());
    const xhr = await waitForXhr();
    expect(mock.callsTo('POST /api/books/7/files')[0]?.body).toEqual({
      kind: 'manuscript',
      file_name: 'alice.epub',
      content_type: 'application/epub+zip',
      size: 5,
    });
    expect(xhr.method).toBe('PUT');
    expect(xhr.url).toBe('/api/uploads/signed-token');
    expect(xhr.headers).toEqual({ 'Content-Type': 'application/epub+zip' });
    expect(xhr.body).toBeInstanceOf(File);

    const bar = screen.getByRole('progressbar', { name: 'Manuscript upload' });
    act(() => xhr.progress(2, 5));
    expect(bar).toHaveAttribute('aria-valuenow', '40');
    expect(screen.getByText('40%')).toBeInTheDocument();
    act(() => xhr.progress(4, 5));
    expect(bar).toHaveAttribute('aria-valuenow', '80');

    act(() => xhr.respond(200, '{"key":"k","size":5}'));
    await vi.waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1));
    expect(onComplete.mock.calls[0]?.[0]).toMatchObject({
      report: { metadata: { title: 'Alice' } },
    });
    expect(screen.getByRole('progressbar', { name: 'Manuscript upload' })).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    expect(screen.getByRole('status')).toHaveTextContent('Uploaded and checked');
  });

  it("lists the server's reasons when the file is refused", async () => {
    mockApi({
      'POST /api/books/7/files': () => jsonResponse(201, target),
      'POST /api/books/7/files/31/complete': () =>
        apiError(422, 'unprocessable', 'the file was refused: the ZIP is truncated', {
          reasons: [
            { code: 'zip_truncated', message: 'the ZIP archive is truncated' },
            { code: 'no_container', message: 'META-INF/container.xml is missing' },
          ],
        }),
    });
    const onComplete = vi.fn();
    renderWithProviders(<Harness onComplete={onComplete} />);

    await userEvent.upload(screen.getByLabelText('Manuscript file'), epub());
    const xhr = await waitForXhr();
    act(() => xhr.respond(200));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The file was refused:');
    expect(screen.getByTestId('upload-reasons')).toHaveTextContent('the ZIP archive is truncated');
    expect(screen.getByTestId('upload-reasons')).toHaveTextContent(
      'META-INF/container.xml is missing',
    );
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(onComplete).not.toHaveBeenCalled();
  });

  it('refuses a wrong kind of file before sending anything, and a 413 from the target request', async () => {
    const mock = mockApi({
      'POST /api/books/7/files': () =>
        apiError(413, 'payload_too_large', 'this file is larger than 209715200 bytes'),
    });
    renderWithProviders(<Harness onComplete={vi.fn()} />);

    await userEvent.upload(
      screen.getByLabelText('Manuscript file'),
      new File(['x'], 'notes.txt', { type: 'text/plain' }),
      { applyAccept: false },
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose a file of the right kind');
    expect(mock.calls).toHaveLength(0);

    await userEvent.upload(screen.getByLabelText('Manuscript file'), epub());
    expect(await screen.findByText('this file is larger than 209715200 bytes')).toBeInTheDocument();
    expect(FakeXhr.sent).toHaveLength(0);
  });

  it('cancels an upload in flight', async () => {
    mockApi({ 'POST /api/books/7/files': () => jsonResponse(201, target) });
    renderWithProviders(<Harness onComplete={vi.fn()} />);

    await userEvent.upload(screen.getByLabelText('Manuscript file'), epub());
    const xhr = await waitForXhr();
    act(() => xhr.progress(1, 5));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await vi.waitFor(() => expect(screen.queryByRole('progressbar')).not.toBeInTheDocument());
  });
});
