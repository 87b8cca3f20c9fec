// The manage page's script (dist/manage.js, served at /manage.js for /manage/:id): one element.
import '../db-manage.ts';
