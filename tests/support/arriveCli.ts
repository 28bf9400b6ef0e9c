/** `arriveToday` for the component tests, whose jsdom cannot run the SDK: `tsx arriveCli.ts <cloud url> <booking id>`. */
import { adminApp } from '../../scripts/localStack';
import { arriveToday } from './arrive';

const [url, bookingId] = process.argv.slice(2);
arriveToday(adminApp(url).database(), bookingId).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
