"""Demo data of the catalogue: 4 product lines and 30 products, in Chinese and English."""

from __future__ import annotations

import uuid

from crm.catalogue.models import Product, ProductLine
from crm.core.seeding import DemoData, bulk_insert

# name, parent index, products: (sku, name, unit, list price yuan, cost yuan, tax %, tracked)
_LINES: list[tuple[str, int | None, list[tuple[str, str, str, int, int, int, bool]]]] = [
    ("硬件 Hardware", None, [
        ("HW-SRV-01", "机架服务器 Rack server R1", "台", 28000, 19000, 13, True),
        ("HW-SRV-02", "机架服务器 Rack server R2", "台", 42000, 30000, 13, True),
        ("HW-STO-01", "存储阵列 Storage array S1", "台", 65000, 47000, 13, True),
        ("HW-WKS-01", "工作站 Workstation W1", "台", 12000, 8200, 13, True),
        ("HW-LAP-01", "笔记本 Laptop L14", "台", 6800, 4900, 13, True),
        ("HW-MON-01", "显示器 Monitor 27\"", "台", 1800, 1100, 13, True),
        ("HW-UPS-01", "不间断电源 UPS 3kVA", "台", 5200, 3300, 13, True),
        ("HW-RAK-01", "机柜 Rack cabinet 42U", "个", 4500, 2600, 13, True),
    ]),
    ("网络设备 Networking", 0, [
        ("NW-SW-24", "交换机 Switch 24-port", "台", 3200, 2000, 13, True),
        ("NW-SW-48", "交换机 Switch 48-port", "台", 5800, 3700, 13, True),
        ("NW-RT-01", "路由器 Router R100", "台", 7600, 4800, 13, True),
        ("NW-FW-01", "防火墙 Firewall F200", "台", 15800, 9800, 13, True),
        ("NW-AP-01", "无线AP Access point", "个", 980, 560, 13, True),
        ("NW-CBL-01", "网线 Cat6 cable 305m", "箱", 650, 380, 13, True),
        ("NW-SFP-01", "光模块 SFP+ 10G", "个", 420, 190, 13, True),
        ("NW-PDU-01", "电源分配 PDU", "个", 760, 410, 13, True),
        ("NW-KVM-01", "KVM切换器 KVM switch", "台", 2100, 1300, 13, True),
        ("NW-ODF-01", "光纤配线架 Fibre patch panel", "个", 880, 470, 13, True),
    ]),
    ("软件 Software", None, [
        ("SW-CRM-STD", "CRM 标准版 Standard (year)", "套", 9800, 1200, 6, False),
        ("SW-CRM-PRO", "CRM 专业版 Professional (year)", "套", 19800, 2400, 6, False),
        ("SW-ERP-01", "ERP 模块 module", "套", 36000, 5000, 6, False),
        ("SW-SEC-01", "终端安全 Endpoint security (50)", "套", 7500, 3000, 6, False),
        ("SW-BAK-01", "备份软件 Backup suite", "套", 12800, 4100, 6, False),
        ("SW-DB-01", "数据库许可 Database licence", "套", 48000, 21000, 6, False),
        ("SW-OFF-01", "办公套件 Office suite (10)", "套", 4200, 2900, 6, False),
    ]),
    ("服务 Services", None, [
        ("SV-INST", "安装调试 Installation", "次", 3000, 1200, 6, False),
        ("SV-TRAIN", "培训 Training day", "天", 5000, 1800, 6, False),
        ("SV-SUP-Y", "年度维保 Annual support", "年", 18000, 7000, 6, False),
        ("SV-CONS", "咨询 Consulting day", "天", 8000, 3500, 6, False),
        ("SV-MIG", "数据迁移 Data migration", "次", 15000, 6000, 6, False),
    ]),
]


async def seed_demo(demo: DemoData) -> None:
    wid = demo.workspace.id
    lines: list[ProductLine] = []
    products: list[Product] = []
    for name, parent, items in _LINES:
        line = ProductLine(id=uuid.uuid4(), workspace_id=wid, name=name,
                           parent_id=lines[parent].id if parent is not None else None)
        lines.append(line)
        for sku, pname, unit, price, cost, tax, tracked in items:
            products.append(Product(
                id=uuid.uuid4(), workspace_id=wid, sku=sku, name=pname, line_id=line.id,
                unit=unit, currency="CNY", list_price_minor=price * 100,
                cost_price_minor=cost * 100, tax_rate_bp=tax * 100, track_stock=tracked))
    await bulk_insert(ProductLine, lines)
    await bulk_insert(Product, products)
    demo.echo(f"Catalogue: {len(lines)} product lines, {len(products)} products.")
