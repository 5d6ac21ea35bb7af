// Masks contact details in text shown to the public: emails and phone numbers. Moderators see the original.
const email = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu
// Seven or more digits, optionally grouped by spaces, dots, dashes or brackets, with an optional +.
const phone = /(?<![\p{L}\p{N}])\+?\(?\d[\d\s().-]{5,}\d(?![\p{L}\p{N}])/gu

export function redactContactDetails (text: string): string {
  return text
    .replace(email, '[email removed]')
    .replace(phone, (match) => (match.replace(/\D/g, '').length >= 7 ? '[phone removed]' : match))
}
