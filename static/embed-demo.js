// The portal's side of the embed: size the iframe to the height the widget reports. The widget
// posts only {type: "duibiao:resize", height}; accept it only from the iframe's own window.
const frame = document.getElementById('duibiao');
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;
  const data = event.data;
  if (data && data.type === 'duibiao:resize' && Number.isFinite(data.height)) {
    frame.style.height = `${Math.ceil(data.height)}px`;
  }
});
