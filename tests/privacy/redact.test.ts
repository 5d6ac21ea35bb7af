// Contact details masked in public and exported text; text without them passes unchanged.
import t from 'tap'
import { redactContactDetails } from '../../src/privacy/redact.js'

t.test('emails, phone numbers and street addresses are masked', async (t) => {
  t.equal(redactContactDetails('Write to jo.smith+cs@example.co.uk today'), 'Write to [email removed] today')
  t.equal(redactContactDetails('Call 020 7946 0958 or +1 (555) 010-9999.'), 'Call [phone removed] or [phone removed].')
  t.equal(redactContactDetails('She works at 221B Baker Street in London'), 'She works at [address removed] in London')
  t.equal(redactContactDetails('Mail anna@exämple.de, ring 0176 1234567'), 'Mail [email removed], ring [phone removed]')
})

t.test('text without an @ or a digit, and short numbers, pass unchanged', async (t) => {
  for (const text of ['No contact details here at all.', 'Five sessions over 3 weeks in 2024.', 'An @ alone is not an email', '']) {
    t.equal(redactContactDetails(text), text)
  }
})
