/** "组织架构-20261125.xlsx" as an attachment, the name encoded for every browser (RFC 5987). */
export function xlsxResponse(buffer: Buffer, baseName: string): Response {
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' })
    .format(new Date())
    .replaceAll('-', '');
  const name = `${baseName}-${day}.xlsx`;
  return new Response(new Uint8Array(buffer), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="export-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'no-store',
    },
  });
}
