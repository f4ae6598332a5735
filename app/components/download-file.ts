// Saves a file the app serves (exports) from inside the embedded admin.
//
// Inside the admin iframe a plain link would load without a session token, so the file is fetched (App
// Bridge adds the token to the app's own fetches) and saved from a blob.
export async function downloadFile(url: string, fileName: string): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = href;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(href);
}
