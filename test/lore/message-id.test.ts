// Which inputs name a thread on lore, and the URL and cache of a fetch (no network here: the
// CLI tests run against a loopback lore).
import { describe, expect, test } from 'vitest';
import { messageIdOf } from '../../src/lore/message-id.js';
import { threadUrl } from '../../src/lore/fetch-thread.js';
import { loreCacheDir } from '../../src/lore/cache-dir.js';

describe('messageIdOf', () => {
  test.each([
    ['<YMDmsha6GDtUf3Vs@t490s>', 'YMDmsha6GDtUf3Vs@t490s'],
    ['YL+4ENiwbn9QAa2V@t490s', 'YL+4ENiwbn9QAa2V@t490s'],
    ['20210607075855.5084-8-apopple@nvidia.com', '20210607075855.5084-8-apopple@nvidia.com'],
    ['https://lore.kernel.org/all/2773835.D95cIkl9rl@nvdebian/', '2773835.D95cIkl9rl@nvdebian'],
    ['https://lore.kernel.org/linux-mm/YL%2B4ENiwbn9QAa2V@t490s/T/#u', 'YL+4ENiwbn9QAa2V@t490s'],
    ['https://lore.kernel.org/r/20210607075855.5084-8-apopple@nvidia.com', '20210607075855.5084-8-apopple@nvidia.com'],
    ['http://127.0.0.1:8080/all/%3Cx%40y%3E/raw', 'x@y'],
  ])('%s names %s', (input, id) => expect(messageIdOf(input)).toBe(id));

  test.each(['thread.mbox', 'fixtures/threads/v10-07-device-exclusive.mbox', '-', 'dir/a@b', 'a@b@c', '<not an id>', 'https://lore.kernel.org/all/', ''])('%s is no Message-ID', (input) => {
    expect(messageIdOf(input)).toBeNull();
  });
});

test('the thread URL is b4\'s: <lore>/<percent-encoded id, @ kept>/t.mbox.gz', () => {
  expect(threadUrl('https://lore.kernel.org/all/', 'YL+4ENiwbn9QAa2V@t490s')).toBe('https://lore.kernel.org/all/YL%2B4ENiwbn9QAa2V@t490s/t.mbox.gz');
});

test('the cache lives under XDG_CACHE_HOME, else ~/.cache (a relative XDG_CACHE_HOME is ignored)', () => {
  expect(loreCacheDir({ XDG_CACHE_HOME: '/var/cache/me', HOME: '/home/me' })).toBe('/var/cache/me/lkml-replay/lore');
  expect(loreCacheDir({ XDG_CACHE_HOME: 'rel', HOME: '/home/me' })).toBe('/home/me/.cache/lkml-replay/lore');
  expect(loreCacheDir({ HOME: '/home/me' })).toBe('/home/me/.cache/lkml-replay/lore');
});
