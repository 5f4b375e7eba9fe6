// Opens a WebSocket to the echo route of this vhost and logs what comes back.
const log = (line) => { document.getElementById('log').textContent += line + '\n'; };
const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
const socket = new WebSocket(scheme + location.host + '/ws/');
socket.onopen = () => { log('open'); socket.send('hello from the browser'); };
socket.onmessage = (event) => log('echo: ' + event.data);
socket.onclose = (event) => log('closed (' + event.code + ')');
socket.onerror = () => log('error: is the echo backend running on 127.0.0.1:9001?');
document.getElementById('send').onsubmit = (event) => {
  event.preventDefault();
  socket.send(document.getElementById('text').value);
};
