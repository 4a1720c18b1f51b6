/** Moving files between the person's computer and the API: the renderer has no file system. */

/** Offers base64 bytes as a download with the given name (the browser's own save, nothing opened). */
export function saveFile(file: { fileName: string; mediaType: string; contentBase64: string }): void {
  const bytes = Uint8Array.from(atob(file.contentBase64), (char) => char.charCodeAt(0));
  saveBytes(file.fileName, bytes, file.mediaType);
}

export function saveText(fileName: string, text: string, mediaType = 'text/plain'): void {
  saveBytes(fileName, new TextEncoder().encode(text), mediaType);
}

function saveBytes(fileName: string, bytes: Uint8Array, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A chosen file as base64, in slices so a large bundle does not overflow the call stack. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}
