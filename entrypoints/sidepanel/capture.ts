import { browser } from 'wxt/browser';
import type { Screenshot } from '@/lib/model/assessment';

// A capture of the inspected tab for the person's evidence. tabs.captureVisibleTab needs activeTab (granted by the
// click on Loupe's icon in that tab) or a host permission (the audit build): no new permission. The image is
// shrunk to a thumbnail before it is stored, so a full database is far away.

const MAX_WIDTH = 480;
const QUALITY = 0.6;

export async function captureTab(tabId: number): Promise<Screenshot> {
  const tab = await browser.tabs.get(tabId);
  // Only the visible tab of a window can be captured: a capture of another tab would be evidence of the wrong page.
  if (!tab.active) throw new Error('tab not visible');
  const full = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'jpeg', quality: 80 });
  // Decoded through an <img>, not fetch(): nothing that looks like a request leaves the panel.
  const img = new Image();
  img.src = full;
  await img.decode();
  const bitmap = await createImageBitmap(img);
  const scale = Math.min(1, MAX_WIDTH / bitmap.width);
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
  return { id: crypto.randomUUID(), takenAt: new Date().toISOString(), dataUrl, width, height };
}
