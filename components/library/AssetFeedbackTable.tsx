import type { AssetFeedback } from '../../utils/protocol/page-to-background';

/**
 * What reps said about content. Backends report assets by id only (the feedback summary
 * carries no titles), so the id is what is shown.
 */
export function AssetFeedbackTable({ assets }: { assets: readonly AssetFeedback[] }) {
  return (
    <section className="assets" aria-labelledby="assets-title">
      <h2 id="assets-title">Content feedback</h2>
      {assets.length === 0 ? (
        <p className="muted">No rep has marked content helpful or not helpful yet.</p>
      ) : (
        <table>
          <caption className="visually-hidden">
            Helpful and not helpful marks per asset, from reps
          </caption>
          <thead>
            <tr>
              <th scope="col">Asset</th>
              <th scope="col">Helpful</th>
              <th scope="col">Not helpful</th>
            </tr>
          </thead>
          <tbody>
            {assets.map((asset) => (
              <tr key={asset.assetId} data-asset-id={asset.assetId}>
                <th scope="row">
                  <code>{asset.assetId}</code>
                </th>
                <td data-count="helpful">{asset.helpful}</td>
                <td data-count="notHelpful">{asset.notHelpful}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
