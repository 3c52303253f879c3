// Site footer.
export function Footer() {
  const year = new Date().getFullYear();

  return (
    <footer className="border-t border-line">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-ink-muted sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>
          <span className="font-display tracking-[0.2em] text-ink">MANGU</span> Publishing · a
          bookstore you can host yourself
        </p>
        <p>© {year} MANGU Publishing</p>
      </div>
    </footer>
  );
}
