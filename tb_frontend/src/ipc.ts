// TensorBoard's (experimental, unversioned) host <-> plugin-iframe channel: the iframe posts
// "experimental.bootstrap" with a MessagePort to its parent; the host then sends JSON messages
// {type, id, payload, error, isReply} over it and waits for a reply to each. We use one message:
// "experimental.DataReloaded" (the host finished reloading, after the reload button or its auto
// reload), to refetch the run list. Outside TensorBoard (no parent) nothing happens.

export function connectToHost(onDataReloaded: () => void): () => void {
  if (window.parent === window) return () => {};
  const channel = new MessageChannel();
  channel.port1.onmessage = (e: MessageEvent) => {
    let msg: { type?: string; id?: number; isReply?: boolean };
    try {
      msg = JSON.parse(String(e.data));
    } catch {
      return;
    }
    if (msg.isReply) return;
    if (msg.type === "experimental.DataReloaded") onDataReloaded();
    channel.port1.postMessage(JSON.stringify({ type: msg.type, id: msg.id, payload: null,
                                               error: null, isReply: true }));
  };
  try {
    window.parent.postMessage("experimental.bootstrap", "*", [channel.port2]);
  } catch {
    return () => {};
  }
  return () => channel.port1.close();
}
