// A TCP proxy between an app instance and PostgreSQL that a test can switch: "pass" forwards both
// ways; "refuse" closes every connection and refuses new ones (a database that is down); "freeze"
// accepts connections but holds every byte either way (a database that hangs, as when its processes
// are stopped with SIGSTOP: the kernel still accepts connections, nothing answers). Back to "pass",
// the held bytes are delivered.
import net from "node:net";

export type DbProxy = { url: string; setMode: (mode: "pass" | "refuse" | "freeze") => void; close: () => Promise<void> };

export async function startDbProxy(databaseUrl: string): Promise<DbProxy> {
  const target = new URL(databaseUrl);
  let mode: "pass" | "refuse" | "freeze" = "pass";
  type Pair = { client: net.Socket; upstream: net.Socket; held: { to: net.Socket; chunk: Buffer }[] };
  const pairs = new Set<Pair>();
  const server = net.createServer((client) => {
    if (mode === "refuse") return void client.destroy();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    const pair: Pair = { client, upstream, held: [] };
    pairs.add(pair);
    const forward = (from: net.Socket, to: net.Socket) =>
      from.on("data", (chunk: Buffer) => {
        if (mode === "freeze") pair.held.push({ to, chunk });
        else to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const s of [client, upstream]) {
      s.on("close", end);
      s.on("error", end);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    setMode(next) {
      mode = next;
      if (next === "refuse") for (const p of pairs) p.client.destroy();
      if (next === "pass") for (const p of pairs) for (const { to, chunk } of p.held.splice(0)) to.write(chunk);
    },
    close: async () => {
      for (const p of pairs) p.client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
