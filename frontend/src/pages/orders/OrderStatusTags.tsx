import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { enumLabel } from '../../i18n';
import { deliveryState, ORDER_STATUS_COLOR, SHIPMENT_STATUS_COLOR } from './status';

/** The order's status, and where its goods are when its shipments say more than the status. */
export function OrderStatusTags({ status, shipments }: { status: string; shipments: readonly { status: string }[] }) {
  const { t } = useTranslation();
  const where = deliveryState(status, shipments);
  return (
    <span className="crm-tags">
      <Tag color={ORDER_STATUS_COLOR[status]} data-testid="order-status-tag" data-status={status}>{enumLabel(t, 'OrderStatus', status)}</Tag>
      {where && !(where === 'DELIVERED' && (status === 'DELIVERED' || status === 'COMPLETED')) ? (
        <Tag color={SHIPMENT_STATUS_COLOR[where]} data-testid="delivery-tag" data-delivery={where}>{enumLabel(t, 'ShipmentStatus', where)}</Tag>
      ) : null}
    </span>
  );
}

