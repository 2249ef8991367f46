/** A backend string as a link (new tab, no opener) when its URL passed the http(s) check, else as text. */
export function LinkOrText({ url, text }: { url: string | undefined; text: string }) {
  if (!url) return <>{text}</>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {text}
    </a>
  );
}
