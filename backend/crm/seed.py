"""`crm seed --demo`: the demo workspace 演示公司 / Demo Co with realistic data.

Idempotent: does nothing when the workspace exists. Rows are written with bulk inserts (no
audit events: seeding is not a user's change), so `--scale 100` finishes in minutes.
"""

from __future__ import annotations

import datetime as dt
import random
import time
import uuid
from collections.abc import Callable
from typing import Any

from crm.auth.models import Team, User, Workspace
from crm.auth.passwords import hash_password
from crm.core.seeding import DemoData, bulk_insert
from crm.customers.models import (
    Contact,
    Customer,
    CustomerKind,
    CustomerLevel,
    CustomerTag,
    LifecycleStage,
    Tag,
)
from crm.customers.service import name_key, phone_key, sort_key
from crm.modules import submodules
from crm.sales.models import (
    Direction,
    Interaction,
    InteractionKind,
    Lead,
    LeadStatus,
    Opportunity,
    StageChange,
    Task,
    TaskPriority,
    TaskStatus,
)
from crm.sales.service import ensure_default_stages
from crm.settings import get_settings

DEMO_SLUG = "demo"
DEMO_NAME = "演示公司 / Demo Co"

DEMO_USERS = [
    # email, name, role, team
    ("admin@demo.test", "管理员 Admin", "admin", None),
    ("manager@demo.test", "王经理 Wang (East)", "sales_manager", "East"),
    ("manager2@demo.test", "李经理 Li (West)", "sales_manager", "West"),
    ("rep1@demo.test", "张伟 Zhang Wei", "sales_rep", "East"),
    ("rep2@demo.test", "刘洋 Liu Yang", "sales_rep", "East"),
    ("rep3@demo.test", "陈静 Chen Jing", "sales_rep", "West"),
    ("marketing@demo.test", "赵敏 Zhao Min", "marketing", None),
    ("support@demo.test", "孙丽 Sun Li", "support", None),
    ("warehouse@demo.test", "周强 Zhou Qiang", "warehouse", None),
    ("finance@demo.test", "吴芳 Wu Fang", "finance", None),
    ("hr@demo.test", "郑洁 Zheng Jie", "hr", None),
    ("viewer@demo.test", "钱进 Qian Jin", "viewer", None),
]

_CN_PREFIX = ["华为", "腾飞", "金鼎", "长城", "东方", "星辰", "蓝海", "瑞丰", "恒信", "宏远", "新锐",
              "盛世", "鼎盛", "天成", "中科", "正泰", "博远", "汇通", "安盛", "明达"]
_CN_SUFFIX = ["科技有限公司", "贸易有限公司", "制造股份有限公司", "网络科技公司", "医疗器械公司",
              "物流有限公司", "食品有限公司", "教育科技公司", "新能源有限公司", "建材有限公司"]
_EN_PREFIX = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay",
              "Soylent", "Cyberdyne", "Tyrell", "Wonka", "Aperture", "Gringotts", "Oscorp"]
_EN_SUFFIX = ["Ltd", "Inc", "Trading Co", "Industries", "Logistics", "Health", "Foods", "Labs"]
_SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡"]
_GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛"]
_EN_FIRST = ["James", "Mary", "John", "Linda", "David", "Susan", "Michael", "Karen", "Daniel",
             "Emma", "Oliver", "Sophia"]
_EN_LAST = ["Smith", "Johnson", "Brown", "Taylor", "Miller", "Wilson", "Moore", "Clark"]
_INDUSTRIES = ["制造业 Manufacturing", "零售 Retail", "医疗 Healthcare", "教育 Education",
               "金融 Finance", "物流 Logistics", "互联网 Internet", "能源 Energy"]
_REGIONS = ["华东 East China", "华南 South China", "华北 North China", "西南 Southwest",
            "西北 Northwest", "东北 Northeast", "华中 Central China"]
_CITIES = ["上海市浦东新区", "北京市朝阳区", "广州市天河区", "深圳市南山区", "杭州市西湖区",
           "成都市高新区", "武汉市洪山区", "南京市鼓楼区"]
_SOURCES = ["官网 Website", "展会 Trade show", "转介绍 Referral", "电话营销 Cold call",
            "广告 Ads", "合作伙伴 Partner"]
_TITLES = ["总经理 CEO", "采购经理 Purchasing", "技术总监 CTO", "财务经理 Finance",
           "运营主管 Operations", "销售总监 Sales Director"]
_TAGS = [("重点客户 Key account", "red", "价值 Value"), ("VIP", "gold", "价值 Value"),
         ("新客户 New", "green", "阶段 Stage"), ("老客户 Returning", "blue", "阶段 Stage"),
         ("高意向 Hot", "volcano", "意向 Intent"), ("低意向 Cold", "geekblue", "意向 Intent"),
         ("政府 Government", "purple", "类型 Type"), ("外企 Foreign", "cyan", "类型 Type")]
_SUMMARIES = ["电话沟通了采购需求，客户对方案感兴趣 / Called about purchasing needs",
              "上门拜访，演示了产品 / On-site visit with a product demo",
              "发送了报价单 / Sent the quotation",
              "客户反馈价格偏高，需要再谈 / Customer finds the price high",
              "确认了交付时间 / Confirmed the delivery date",
              "微信沟通合同细节 / Discussed contract details on WeChat",
              "参加了客户的技术评审会 / Joined the customer's technical review"]
_DEALS = ["年度采购", "设备升级", "系统集成", "渠道合作", "Annual deal", "Expansion"]
_TASKS = ["回访", "发送合同", "准备报价", "安排演示", "Call back", "Send proposal"]
_OUTCOMES = ["积极 Positive", "待跟进 Follow up", "需要报价 Needs quote", "暂无需求 No need now"]


def _phone(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}"


def _person(rng: random.Random) -> str:
    if rng.random() < 0.75:
        return rng.choice(_SURNAMES) + rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < .5 else "")
    return f"{rng.choice(_EN_FIRST)} {rng.choice(_EN_LAST)}"


_CN_CITY = ["上海", "北京", "广州", "深圳", "杭州", "成都", "武汉", "南京", "苏州", "天津"]


def _company(rng: random.Random, i: int) -> str:
    # City + brand + business makes 2,000 distinct Chinese names; beyond that a branch number.
    if rng.random() < 0.7:
        city = _CN_CITY[i % len(_CN_CITY)]
        brand = _CN_PREFIX[(i // len(_CN_CITY)) % len(_CN_PREFIX)]
        branch = i // (len(_CN_CITY) * len(_CN_PREFIX))
        suffix = f"第{branch}分公司" if branch else ""
        return f"{city}{brand}{rng.choice(_CN_SUFFIX)}{suffix}"
    return f"{rng.choice(_EN_PREFIX)} {rng.choice(_EN_SUFFIX)} #{i}"


# The stages the demo draws from, fixed: "at risk" is the lifecycle rules' to give, and a
# stage added to the enum must not reshuffle every later draw of the demo (the browser tests
# count its customers).
_SEEDED_STAGES = [LifecycleStage.PROSPECT, LifecycleStage.LEAD, LifecycleStage.OPPORTUNITY,
                  LifecycleStage.CUSTOMER, LifecycleStage.LOYAL, LifecycleStage.CHURNED]


async def seed_demo(scale: int = 1, echo: Callable[[str], Any] = print) -> Workspace:
    existing = await Workspace.get_or_none(slug=DEMO_SLUG)
    if existing is not None:
        echo(f"Workspace {DEMO_NAME} exists; nothing to do.")
        _echo_accounts(get_settings().demo_password, echo)
        return existing
    started = time.monotonic()
    password = get_settings().demo_password
    rng = random.Random(20261125)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    ws = await Workspace.create(name=DEMO_NAME, slug=DEMO_SLUG,
                                settings={"pool_limit_per_rep": 300 * scale, "pool_sweep_days": 30,
                                          "currency": "CNY"})
    wid = ws.id
    east = await Team.create(workspace_id=wid, name="East")
    west = await Team.create(workspace_id=wid, name="West")
    teams = {"East": east, "West": west}
    pw_hash = hash_password(password)
    users: dict[str, User] = {}
    for email, name, role, team in DEMO_USERS:
        users[email] = await User.create(workspace_id=wid, email=email, name=name, role=role,
                                         team_id=teams[team].id if team else None,
                                         password_hash=pw_hash)
    east.manager_id = users["manager@demo.test"].id
    west.manager_id = users["manager2@demo.test"].id
    await east.save()
    await west.save()
    reps = [users[e] for e in ("rep1@demo.test", "rep2@demo.test", "rep3@demo.test",
                               "manager@demo.test", "manager2@demo.test")]
    rep_weights = [30, 25, 25, 10, 10]
    stages = await ensure_default_stages(wid)

    tags = [Tag(id=uuid.uuid4(), workspace_id=wid, name=n, color=c, group=g) for n, c, g in _TAGS]
    await bulk_insert(Tag, tags)

    customers: list[Customer] = []
    contacts: list[Contact] = []
    links: list[CustomerTag] = []
    for i in range(200 * scale):
        in_pool = rng.random() < 0.08
        owner = None if in_pool else rng.choices(reps, rep_weights)[0]
        kind = CustomerKind.COMPANY if rng.random() < 0.85 else CustomerKind.PERSON
        name = _company(rng, i) if kind is CustomerKind.COMPANY else _person(rng) + f" {i:04d}"
        phone = _phone(rng)
        created = now - dt.timedelta(days=rng.randint(1, 720), minutes=rng.randint(0, 1440))
        c = Customer(
            id=uuid.uuid4(), workspace_id=wid, name=name, name_key=name_key(name),
            name_sort=sort_key(name), kind=kind,
            industry=rng.choice(_INDUSTRIES), region=rng.choice(_REGIONS),
            address=f"{rng.choice(_CITIES)}{rng.randint(1, 999)}号", phone=phone,
            phone_key=phone_key(phone), email=f"contact{i}@example{rng.randint(1, 99)}.cn",
            source=rng.choice(_SOURCES), lifecycle_stage=rng.choice(_SEEDED_STAGES),
            level=rng.choices(list(CustomerLevel), [10, 25, 40, 25])[0],
            owner_id=owner.id if owner else None, team_id=owner.team_id if owner else None,
            in_pool=in_pool, pooled_at=created if in_pool else None, created_at=created,
            updated_at=created,
        )
        customers.append(c)
        for j in range(rng.randint(1, 3)):
            cp = _phone(rng)
            contacts.append(Contact(
                id=uuid.uuid4(), workspace_id=wid, customer_id=c.id, name=_person(rng),
                title=rng.choice(_TITLES), phone=cp, email=f"p{i}_{j}@example.cn",
                im_handle=f"wx_{rng.randint(100000, 999999)}", is_primary=j == 0,
                owner_id=c.owner_id, created_at=created, updated_at=created))
        for t in rng.sample(tags, rng.randint(0, 3)):
            links.append(CustomerTag(workspace_id=wid, customer_id=c.id, tag_id=t.id))

    leads = []
    for i in range(50 * scale):
        owner = rng.choices(reps, rep_weights)[0]
        created = now - dt.timedelta(days=rng.randint(0, 120))
        leads.append(Lead(
            id=uuid.uuid4(), workspace_id=wid, name=_person(rng), company=_company(rng, 5000 + i),
            title=rng.choice(_TITLES), phone=_phone(rng), email=f"lead{i}@example.com",
            source=rng.choice(_SOURCES),
            status=rng.choice([LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED,
                               LeadStatus.DISQUALIFIED]),
            owner_id=owner.id, created_at=created, updated_at=created))

    owned = [c for c in customers if c.owner_id is not None]
    opportunities: list[Opportunity] = []
    changes: list[StageChange] = []
    for i in range(100 * scale):
        c = rng.choice(owned)
        stage = stages[i % len(stages)]
        created = c.created_at + dt.timedelta(days=rng.randint(0, 60))
        closed = stage.is_won or stage.is_lost
        o = Opportunity(
            id=uuid.uuid4(), workspace_id=wid, customer_id=c.id,
            title=f"{rng.choice(_DEALS)} #{i + 1}",
            amount_minor=rng.randint(5, 500) * 1000 * 100, currency="CNY", stage_id=stage.id,
            probability=stage.probability,
            expected_close_date=(now + dt.timedelta(days=rng.randint(-30, 120))).date(),
            owner_id=c.owner_id, is_open=not closed, closed_at=created if closed else None,
            lost_reason="价格 Price" if stage.is_lost else None,
            won_reason="服务 Service" if stage.is_won else None, created_at=created,
            updated_at=created)
        opportunities.append(o)
        for k, s in enumerate(stages[: stage.position]):
            if s.is_won and stage.is_lost:
                continue
            changes.append(StageChange(
                workspace_id=wid, opportunity_id=o.id, customer_id=c.id,
                from_stage_id=stages[k - 1].id if k else None, to_stage_id=s.id,
                changed_by_id=c.owner_id, created_at=created + dt.timedelta(days=k)))

    interactions: list[Interaction] = []
    last: dict[uuid.UUID, Interaction] = {}
    for _ in range(1000 * scale):
        c = rng.choice(owned)
        at = now - dt.timedelta(days=rng.randint(0, 90), minutes=rng.randint(0, 1440))
        it = Interaction(
            id=uuid.uuid4(), workspace_id=wid, customer_id=c.id,
            kind=rng.choice(list(InteractionKind)), direction=rng.choice(list(Direction)),
            occurred_at=at, summary=rng.choice(_SUMMARIES), outcome=rng.choice(_OUTCOMES),
            owner_id=c.owner_id, created_at=at, updated_at=at)
        interactions.append(it)
        if c.id not in last or last[c.id].occurred_at < at:
            last[c.id] = it
    for c in customers:
        if c.id in last:
            c.last_follow_up_at = last[c.id].occurred_at
            c.last_interaction_id = last[c.id].id
            if rng.random() < 0.5:
                c.next_follow_up_at = now + dt.timedelta(days=rng.randint(-5, 20))

    tasks: list[Task] = []
    for _ in range(150 * scale):
        c = rng.choice(owned)
        due = now + dt.timedelta(days=rng.randint(-10, 20), hours=rng.randint(0, 8))
        status = rng.choices(list(TaskStatus), [50, 15, 30, 5])[0]
        tasks.append(Task(
            id=uuid.uuid4(), workspace_id=wid,
            title=f"{rng.choice(_TASKS)}: {c.name}",
            due_at=due, remind_at=due - dt.timedelta(hours=1),
            priority=rng.choice(list(TaskPriority)), status=status, assignee_id=c.owner_id,
            customer_id=c.id, completed_at=due if status is TaskStatus.DONE else None))

    await bulk_insert(Customer, customers)
    await bulk_insert(Contact, contacts)
    await bulk_insert(CustomerTag, links)
    await bulk_insert(Lead, leads)
    await bulk_insert(Opportunity, opportunities)
    await bulk_insert(StageChange, changes)
    await bulk_insert(Interaction, interactions)
    await bulk_insert(Task, tasks)
    demo = DemoData(workspace=ws, users=users, customers=customers, opportunities=opportunities,
                    rng=rng, scale=scale, now=now, echo=echo)
    for module in submodules("seed"):
        await module.seed_demo(demo)

    echo(f"Seeded {DEMO_NAME} in {time.monotonic() - started:.1f}s: {len(customers)} customers, "
         f"{len(contacts)} contacts, {len(leads)} leads, {len(opportunities)} opportunities, "
         f"{len(interactions)} interactions, {len(tasks)} tasks.")
    _echo_accounts(password, echo)
    return ws


def _echo_accounts(password: str, echo: Callable[[str], Any]) -> None:
    echo(f"Sign in with any of these (password: {password}):")
    for email, name, role, team in DEMO_USERS:
        echo(f"  {email:<22} {role:<14} {team or '':<5} {name}")

