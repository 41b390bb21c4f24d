import type { Lang } from './helpers';

/** What the shipping queue reads in each language (shared by the desktop and phone specs). */
export const QUEUE_TEXT = {
  'zh-CN': {
    menu: '发货队列', pick: '待拣货', ship: '待发运', transit: '运输中', confirmed: '已确认', partly: '部分发货', pending: '已出库待揽收',
    inTransit: '运输中', handedOver: (n: string) => `${n} 已交给承运商`, shipButton: '发货',
  },
  en: {
    menu: 'Shipping queue', pick: 'To pick', ship: 'To ship', transit: 'In transit', confirmed: 'Confirmed', partly: 'Partially shipped', pending: 'Awaiting carrier',
    inTransit: 'In transit', handedOver: (n: string) => `${n} handed to the carrier`, shipButton: 'Ship',
  },
} satisfies Record<Lang, unknown>;
