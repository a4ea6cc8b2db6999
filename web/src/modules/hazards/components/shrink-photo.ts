/** Longest side a field photo keeps: enough to read a gauge or a label, small enough for a weak mobile signal. */
const MAX_SIDE = 1600;
const KEEP_BELOW_BYTES = 600 * 1024;

/**
 * A phone camera's 4000 px, several-megabyte JPEG becomes a ~300 KB one before upload. Small pictures, and anything
 * the browser cannot decode, are sent as they are: the server checks type and size either way.
 */
export async function shrinkPhoto(file: File): Promise<Blob> {
  if (file.size <= KEEP_BELOW_BYTES || typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) return file;
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.82));
    return blob && blob.size < file.size ? new File([blob], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg' }) : file;
  } catch {
    return file;
  }
}
