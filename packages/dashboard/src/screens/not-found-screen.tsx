import { PageHeading } from '../components/page-heading.js';
import { Link } from '../routing/link.js';
import { PATHS } from '../routing/routes.js';

export function NotFoundScreen() {
  return (
    <section className="card card--narrow">
      <PageHeading>Page not found</PageHeading>
      <p>There is no page at this address.</p>
      <Link href={PATHS.overview}>Go to the overview</Link>
    </section>
  );
}
