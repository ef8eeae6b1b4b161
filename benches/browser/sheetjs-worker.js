// SheetJS (npm xlsx 0.18.5), reading a workbook's first sheet into a 2-D array: what most web
// importers do before they look at a single value.
importScripts('/node_modules/xlsx/dist/xlsx.full.min.js');
self.onmessage = (event) => {
  const workbook = XLSX.read(event.data.bytes, { type: 'array' });
  const sheet = workbook.Sheets[workbook.SheetNames[0]];
  const rows = XLSX.utils.sheet_to_json(sheet, { header: 1 });
  self.postMessage({ rows: rows.length });
};
