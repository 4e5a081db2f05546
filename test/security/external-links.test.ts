import { describe, expect, it } from 'vitest'
import { checkExternalUrl } from '../../src-main/security/external-links'

describe('links opened outside the app', () => {
  it.each([
    ['https://arxiv.org/abs/2006.11239', true],
    ['http://example.com/a?b=c', true],
    ['mailto:someone@example.com', true],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['app://lemma/index.html', false],
    ['vbscript:msgbox', false],
    ['smb://server/share', false],
    ['not a url', false],
    ['', false],
  ])('%s is allowed: %s', (url, allowed) => {
    expect(checkExternalUrl(url).ok).toBe(allowed)
  })
})
