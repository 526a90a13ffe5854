// Preloaded into the Agents Playground, which otherwise listens on every interface.
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first, second] = args;
  if (typeof first === 'object' && first !== null && !('fd' in first) && !('path' in first)) {
    return listen.call(this, { ...first, host: '127.0.0.1' }, ...args.slice(1));
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    const rest = typeof second === 'string' || second === null || second === undefined ? args.slice(2) : args.slice(1);
    return listen.call(this, Number(first), '127.0.0.1', ...rest);
  }
  return listen.apply(this, args);
};
