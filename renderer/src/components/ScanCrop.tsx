/**
 * A field's crop of a scanned page, drawn from the aligned page PNG and the field's box (pixels of
 * that page) as a scaled CSS background: no canvas, no copy of the pixels, allowed by the CSP
 * (img-src blob:). The page is decoded once per page and shared by every crop.
 */
import { useEffect, useMemo, useState } from 'react';
import './ScanCrop.css';

export interface PixelBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PageImage {
  readonly pngBase64: string;
  readonly width: number;
  readonly height: number;
}

/** An object URL for base64 bytes, revoked when the component goes away or the bytes change. */
export function useObjectUrl(base64: string | null | undefined, mediaType = 'image/png'): string | null {
  const blob = useMemo(() => {
    if (!base64) return null;
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
    return new Blob([bytes], { type: mediaType });
  }, [base64, mediaType]);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) {
      setUrl(null);
      return;
    }
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return url;
}

/** Some margin around the box, so a digit written over the line is still seen whole. */
const MARGIN = 0.15;

export function ScanCrop({
  pageUrl,
  page,
  box,
  height = 44,
  label,
}: {
  pageUrl: string | null;
  page: { readonly width: number; readonly height: number } | null;
  box: PixelBox;
  /** On-screen height of the crop in CSS pixels; the width follows the box. */
  height?: number;
  label: string;
}) {
  if (!pageUrl || !page || box.width <= 0 || box.height <= 0) {
    return (
      <span className="scan-crop scan-crop-missing" role="img" aria-label={`${label}: no image`}>
        no image
      </span>
    );
  }
  const marginX = box.width * MARGIN;
  const marginY = box.height * MARGIN;
  const x = Math.max(0, box.x - marginX);
  const y = Math.max(0, box.y - marginY);
  const width = Math.min(page.width - x, box.width + 2 * marginX);
  const cropHeight = Math.min(page.height - y, box.height + 2 * marginY);
  const scale = height / cropHeight;
  return (
    <span
      className="scan-crop"
      role="img"
      aria-label={label}
      style={{
        width: `${Math.round(width * scale)}px`,
        height: `${Math.round(cropHeight * scale)}px`,
        backgroundImage: `url("${pageUrl}")`,
        backgroundSize: `${page.width * scale}px ${page.height * scale}px`,
        backgroundPosition: `${-x * scale}px ${-y * scale}px`,
      }}
    />
  );
}

/** The whole aligned page, with the box in focus outlined. */
export function ScanPageView({
  pageUrl,
  page,
  highlight,
  label,
}: {
  pageUrl: string | null;
  page: { readonly width: number; readonly height: number } | null;
  highlight: PixelBox | null;
  label: string;
}) {
  if (!pageUrl || !page) return <p className="muted">No picture of the page could be made.</p>;
  return (
    <div className="scan-page" style={{ aspectRatio: `${page.width} / ${page.height}` }}>
      <img src={pageUrl} alt={label} />
      {highlight ? (
        <span
          className="scan-page-highlight"
          aria-hidden="true"
          style={{
            left: `${(highlight.x / page.width) * 100}%`,
            top: `${(highlight.y / page.height) * 100}%`,
            width: `${(highlight.width / page.width) * 100}%`,
            height: `${(highlight.height / page.height) * 100}%`,
          }}
        />
      ) : null}
    </div>
  );
}
