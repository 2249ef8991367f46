import { useId } from 'react';
import { isSortOrder, SORT_ORDERS, type SortOrder } from './library-view';

/** The text filter and the sort order of the messaging list. */
export function LibraryControls(props: {
  query: string;
  onQuery(query: string): void;
  order: SortOrder;
  onOrder(order: SortOrder): void;
  shown: number;
  total: number;
}) {
  const filterId = useId();
  const sortId = useId();
  return (
    <div className="controls">
      <div className="control" role="search" aria-label="Messaging library search">
        <label htmlFor={filterId}>Filter</label>
        <input
          id={filterId}
          type="search"
          value={props.query}
          placeholder="theme, phrase, owner, campaign…"
          onChange={(event) => props.onQuery(event.target.value)}
        />
      </div>
      <div className="control">
        <label htmlFor={sortId}>Sort by</label>
        <select
          id={sortId}
          value={props.order}
          onChange={(event) => {
            if (isSortOrder(event.target.value)) props.onOrder(event.target.value);
          }}
        >
          {Object.entries(SORT_ORDERS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <p className="count" role="status" aria-live="polite">
        {props.shown === props.total
          ? `${props.total} ${props.total === 1 ? 'entry' : 'entries'}`
          : `${props.shown} of ${props.total} entries match`}
      </p>
    </div>
  );
}
