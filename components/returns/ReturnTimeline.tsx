import type { ReturnStatusName } from '@/lib/returns/states';

const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

const STEP: Record<ReturnStatusName, { title: string; done: string; next: string }> = {
  requested: { title: 'Requested', done: 'We have your request.', next: '' },
  approved: { title: 'Approved', done: 'Send the items back with the return number on the parcel.', next: 'We reply by e-mail, usually within a working day.' },
  rejected: { title: 'Not accepted', done: 'We could not accept this return.', next: '' },
  received: { title: 'Received', done: 'Your parcel arrived and was checked.', next: 'We e-mail you when the parcel arrives.' },
  refunded: { title: 'Refunded', done: 'The money went back to the way you paid.', next: 'The refund goes to the card or PayPal account you paid with.' },
  closed: { title: 'Closed', done: 'Nothing more to do on this return.', next: '' },
};

/** What is still to come after each status, on the usual path. */
const AHEAD: Record<ReturnStatusName, ReturnStatusName[]> = {
  requested: ['approved', 'received', 'refunded'],
  approved: ['received', 'refunded'],
  received: ['refunded'],
  refunded: [],
  rejected: [],
  closed: [],
};

/**
 * A return's steps as an ordered list: those taken, with their date (the current one marked as
 * the current step), then those still ahead, greyed, each saying what happens there.
 */
export function ReturnTimeline({
  steps,
  status,
  message,
}: {
  steps: { status: ReturnStatusName; at: string }[];
  status: ReturnStatusName;
  message: string | null;
}) {
  return (
    <ol className="timeline">
      {steps.map((s, i) => {
        const current = i === steps.length - 1;
        return (
          <li key={`${s.status}-${s.at}`} className="timeline__step timeline__step--done" aria-current={current ? 'step' : undefined}>
            <span className="timeline__dot" aria-hidden="true" />
            <p className="timeline__title">
              {STEP[s.status].title} <time dateTime={s.at}>{day.format(new Date(s.at))}</time>
            </p>
            <p className="timeline__text">{STEP[s.status].done}</p>
            {(s.status === 'approved' || s.status === 'rejected') && message ? <blockquote className="timeline__message">{message}</blockquote> : null}
          </li>
        );
      })}
      {AHEAD[status].map((s) => (
        <li key={s} className="timeline__step timeline__step--ahead">
          <span className="timeline__dot" aria-hidden="true" />
          <p className="timeline__title">
            {STEP[s].title} <span className="visually-hidden">(still to come)</span>
          </p>
          <p className="timeline__text">{STEP[s].next}</p>
        </li>
      ))}
    </ol>
  );
}
