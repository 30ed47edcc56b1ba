import { buildWebServer } from './test/web/helpers.ts';
const { app } = await buildWebServer();
for (const url of ['/', '/?q=' + encodeURIComponent('鹿城区2020年行政复议多少件'), '/reports/3', '/agencies', '/agencies/3', '/agencies/3/chart.svg', '/compare', '/compare/chart.svg', '/review', '/review.csv', '/agencies.json', '/reports/2.csv', '/?q=' + encodeURIComponent('统计局')]) {
  const r = await app.inject(url);
  console.log(url, r.statusCode, r.headers['content-type'], r.body.length, r.statusCode !== 200 ? r.body.slice(0, 300) : '');
}
const r = await app.inject('/?q=' + encodeURIComponent('鹿城区2020年行政复议多少件'));
console.log(r.body.slice(r.body.indexOf('<main>'), r.body.indexOf('<main>') + 2500));
const v = await app.inject('/review');
console.log(v.body.slice(v.body.indexOf('<main>'), v.body.indexOf('<main>') + 4000));
console.log((await app.inject('/review.csv')).body.slice(0, 800));
await app.close();
