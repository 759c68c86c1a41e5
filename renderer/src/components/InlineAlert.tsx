/** An error said where it happened (under the buttons that caused it), announced at once; nothing when `message` is null. */
export function InlineAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="banner-inline error">
      {message}
    </p>
  );
}
