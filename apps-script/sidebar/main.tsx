/** The Sheets sidebar page: the side panel over the google.script.run host. Built into one file, Sidebar.html. */
import { mountPanel } from '../../panel/mount.js';
import { createGoogleHost } from './google-host.js';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from Sidebar.html');
mountPanel(root, createGoogleHost());
