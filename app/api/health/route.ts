import { methodNotAllowed } from '@/lib/http/methods';
import { db } from '@/lib/db';
import { checkHealth } from '@/lib/health';

// For load balancers: 200 when the database answers, 503 when it does not. Never cached.
export const dynamic = 'force-dynamic';

export async function GET() {
  const report = await checkHealth(db);
  return Response.json(report, { status: report.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}

const refuse = methodNotAllowed('GET, HEAD');
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
