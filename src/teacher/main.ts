// The teacher page's entry, loaded on demand by the game's page for `?mode=classroom` without a join link
// (src/app/teacherLink.ts): hides the game's elements, draws the page and exposes a small handle for tests
// and automation, `window.kernelCourierTeacher` (ready, session(), addText()).
import './teacher.css';
import { installOffline } from '../lms/offline';
import { startTeacherPage, type TeacherPage } from './page';

declare global {
  interface Window {
    kernelCourierTeacher?: TeacherPage;
  }
}

document.documentElement.classList.add('kt-teacher');
for (const id of ['game', 'kc-a11y-host', 'notices']) document.getElementById(id)?.setAttribute('hidden', '');
// The game's HTML loading screen (index.html) is the game's to hand over; the teacher's page needs none.
document.getElementById('kc-loading')?.remove();
const page = startTeacherPage(document, window);
window.kernelCourierTeacher = page;
// Offline like the game (src/lms/offline.ts): once the page is drawn and loaded, the service worker that
// precaches the whole build (this page's chunks too) is registered, so after one visit the teacher's page
// opens without a network. The teacher's page is never an LMS launch.
const registerOffline = () =>
  installOffline({
    doc: document,
    translate: (key) => page.translate(`offline:${key}`),
    register: (hooks) => import('virtual:pwa-register').then((pwa) => pwa.registerSW(hooks)),
  });
void page.ready.then(() => {
  if (document.readyState === 'complete') registerOffline();
  else window.addEventListener('load', registerOffline, { once: true });
});
