// Research-specific problems (400/404), built on the shared DomainError.
import { DomainError, errors } from '../errors.js'

export const researchErrors = {
  topicsNotFound: (topics: string[]) =>
    new DomainError('topic_not_found', 404, 'Not found', `No site in scope has topic ${topics.map((t) => `"${t}"`).join(', ')}.`),
  rangeReversed: errors.rangeReversed,
  tooManyPeriods: (periods: number, max: number) =>
    new DomainError('too_many_periods', 400, 'Too many periods', `This range and interval give ${periods} periods; the limit is ${max}. Use a longer interval or a shorter range.`,
      [{ pointer: '/querystring/interval', detail: `gives ${periods} periods (max ${max})` }]),
}
