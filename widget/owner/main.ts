// The owner console's script (dist/owner.js, served at /owner.js for /owner and its screens): one element.
import './db-owner-app.ts';
