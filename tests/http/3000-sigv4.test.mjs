// 3000 sigv4: the S3 driver's presigned URLs are byte-identical to @aws-sdk/s3-request-presigner's
// for the same inputs at a fixed clock, content-type (and content-length) signed on uploads.
// s3rver does not check signatures, so this and tests/unit/blob/test_sigv4.c (AWS's published
// examples) are what prove the signer. build/tests/sigv4-cli runs the C driver's presigner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { S3Client, PutObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { repoRoot } from './lib/mangu.mjs';

const execFileP = promisify(execFile);

// The SDK warns that its releases after January 2027 need Node.js 22: not news for a test.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const cli = process.env.MANGU_SIGV4_CLI || path.join(repoRoot, 'build/tests/sigv4-cli');

const AK = 'AKIAIOSFODNN7EXAMPLE';
const SK = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

async function cSigned(c) {
  const args = Object.entries({
    method: c.method, endpoint: c.endpoint, path_style: c.pathStyle ? 1 : 0, bucket: c.bucket,
    region: c.region, key: c.key, expires: c.expires, time: Math.floor(c.when.getTime() / 1000),
    access_key: AK, secret_key: SK, token: c.token, content_type: c.contentType, size: c.size,
    version: c.version,
  }).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v}`);
  const { stdout } = await execFileP(cli, args);
  return stdout.trim();
}

async function sdkSigned(c, signableHeaders) {
  const client = new S3Client({
    region: c.region,
    endpoint: c.endpoint,
    forcePathStyle: c.pathStyle,
    credentials: { accessKeyId: AK, secretAccessKey: SK, sessionToken: c.token },
    // No checksum parameters in presigned URLs (newer SDKs add them by default).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const cmd = c.method === 'PUT'
    ? new PutObjectCommand({ Bucket: c.bucket, Key: c.key, ContentType: c.contentType, ContentLength: c.size })
    : new GetObjectCommand({ Bucket: c.bucket, Key: c.key, VersionId: c.version });
  return getSignedUrl(client, cmd, { expiresIn: c.expires, signingDate: c.when, signableHeaders });
}

const cases = [
  {
    name: 'upload, path style, session token',
    method: 'PUT', endpoint: 'http://127.0.0.1:4568', pathStyle: true, bucket: 'examplebucket',
    region: 'us-east-1', key: 'books/42/files/7/manuscript-v2_final.epub', expires: 900,
    when: new Date('2013-05-24T00:00:00Z'), token: 'IQoJb3JpZ2luX2VjE/tok+en==',
    contentType: 'application/epub+zip', size: 1234567,
  },
  {
    name: 'upload, virtual-hosted AWS endpoint, long-term key',
    method: 'PUT', endpoint: 'https://s3.eu-west-3.amazonaws.com', pathStyle: false,
    bucket: 'mangu-uploads', region: 'eu-west-3', key: 'covers/9/cover.jpg', expires: 600,
    when: new Date('2026-02-28T23:59:59Z'), contentType: 'image/jpeg', size: 0,
  },
  {
    name: 'upload, content type with parameters',
    method: 'PUT', endpoint: 'http://localhost:9000', pathStyle: true, bucket: 'b-1.x',
    region: 'ap-southeast-2', key: 'a/b.txt', expires: 1,
    when: new Date('2030-12-31T12:00:00Z'), contentType: 'text/plain; charset=utf-8', size: 5,
  },
  {
    name: 'download, path style',
    method: 'GET', endpoint: 'http://127.0.0.1:4568', pathStyle: true, bucket: 'examplebucket',
    region: 'us-east-1', key: 'test.txt', expires: 300, when: new Date('2013-05-24T00:00:00Z'),
  },
  {
    name: 'download of a version, virtual-hosted, session token',
    method: 'GET', endpoint: 'https://s3.us-west-2.amazonaws.com', pathStyle: false,
    bucket: 'mangu-media', region: 'us-west-2', key: 'books/1/files/2/book.pdf', expires: 60,
    when: new Date('2026-11-26T10:11:12Z'), token: 'FwoGZXIvYXdzE+/=', version: '3/L4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY',
  },
];

test('the signer helper is built', () => {
  assert.ok(fs.existsSync(cli), `${cli} is missing; run make (it is part of make all)`);
});

for (const c of cases) {
  test(`byte-identical to @aws-sdk/s3-request-presigner: ${c.name}`, async () => {
    const signable = c.method === 'PUT' ? new Set(['content-type', 'content-length']) : undefined;
    const [ours, sdk] = await Promise.all([cSigned(c), sdkSigned(c, signable)]);
    assert.equal(ours, sdk);
    const q = new URL(ours).searchParams;
    const signed = q.get('X-Amz-SignedHeaders').split(';');
    if (c.method === 'PUT') assert.deepEqual(signed, ['content-length', 'content-type', 'host']);
    else assert.deepEqual(signed, ['host']);
    assert.equal(q.get('X-Amz-Expires'), String(c.expires));
    assert.equal(q.get('X-Amz-Security-Token'), c.token ?? null);
  });
}

test('without signableHeaders the SDK leaves content-type unsigned (so ours differs)', async () => {
  const c = cases[0];
  const [ours, sdk] = await Promise.all([cSigned(c), sdkSigned(c, undefined)]);
  assert.notEqual(ours, sdk);
  assert.doesNotMatch(new URL(sdk).searchParams.get('X-Amz-SignedHeaders'), /content-type/);
});
