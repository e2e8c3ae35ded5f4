/** "Copy link": the address bar already holds the view (urlState.ts); this puts it on the clipboard and says so. */
export async function copyLink(say: (text: string) => void): Promise<void> {
  const link = location.href;
  try {
    await navigator.clipboard.writeText(link);
    say('Link copied: it opens this view.');
  } catch {
    // no clipboard (a page not served over https or localhost, a denied permission): the link is still there to copy
    say(`Copy this link: ${link}`);
  }
}
