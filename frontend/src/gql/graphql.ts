/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What a role may do with a field. */
export type Access =
  /** Shown with most characters hidden, e.g. 138****5678. */
  | 'MASKED'
  /** Not shown: reading it is refused. */
  | 'NONE'
  /** Shown in full. */
  | 'READ'
  /** Shown in full and may be changed. */
  | 'WRITE';

/** A correction of on hand after a count; reserved units are never removed. */
export type AdjustStockInput = {
  /** Positive adds, negative removes; not zero, and at most the available units (on hand minus reserved) may be removed. */
  delta: number;
  /** A stock-tracked product. */
  productId: string | number;
  /** Why the count differs; required, kept on the movement. */
  reason: string;
  /** An active warehouse. */
  warehouseId: string | number;
};

/** Conditions on a yes/no field. */
export type BooleanFilter = {
  /** Equal to this value. */
  eq?: boolean | null | undefined;
  /** true: only records without a value; false: only records with one. */
  isNull?: boolean | null | undefined;
};

/** A DRAFT or CONFIRMED order to cancel; one with payments is refused until they are refunded. */
export type CancelOrderInput = {
  /** The order. */
  id: string | number;
  /** Why, kept as the order's cancelReason. */
  reason?: string | null | undefined;
};

/** Customers to take from the public pool (公海). */
export type ClaimFromPoolInput = {
  /** Pool customers, 1 to 1000, claimed in order; once you hold the workspace's limit per rep, the rest fail with LIMIT_REACHED. Give either ids or matching. */
  ids?: Array<string | number> | null | undefined;
  /** Instead of ids: every pool customer that matches this filter (as `publicPool(filter:)` lists them), at most 1000, claimed in id order up to your limit. */
  matching?: CustomerFilter | null | undefined;
};

/** A DRAFT order to confirm, reserving its stock. */
export type ConfirmOrderInput = {
  /** The DRAFT order. */
  id: string | number;
  /** 1 to 100 characters: a retry with the same key and input returns the first result and changes nothing; the same key with other input is a CONFLICT. */
  idempotencyKey?: string | null | undefined;
  /** Where to reserve; defaults to the order's warehouse, else the workspace's default warehouse. */
  warehouseId?: string | number | null | undefined;
};

/** A contact made together with a new customer. */
export type ContactFieldsInput = {
  /** Email address; stored in lower case. */
  email?: string | null | undefined;
  /** WeChat, QQ, DingTalk or similar account name. */
  imHandle?: string | null | undefined;
  /** The customer's main contact; a later primary one takes the mark from an earlier one. */
  isPrimary?: boolean;
  /** Full name, at most 120 characters. */
  name: string;
  /** Phone number. */
  phone?: string | null | undefined;
  /** Job title, e.g. 采购经理. */
  title?: string | null | undefined;
};

/** Match contacts like this. */
export type ContactFilter = {
  /** Every one of these matches. */
  and?: Array<ContactFilter> | null | undefined;
  /** Match on email. */
  email?: StringFilter | null | undefined;
  /** Match on name. */
  name?: StringFilter | null | undefined;
  /** This does not match. */
  not?: ContactFilter | null | undefined;
  /** At least one of these matches. */
  or?: Array<ContactFilter> | null | undefined;
  /** Match on phone. */
  phone?: StringFilter | null | undefined;
  /** Match on title. */
  title?: StringFilter | null | undefined;
};

/** A lead to turn into a customer with the lead as its primary contact, and optionally an opportunity. */
export type ConvertLeadInput = {
  /** Create the customer even when one with the same name, phone or email exists. */
  allowDuplicate?: boolean;
  /** The opportunity's expected amount; 0 CNY when omitted. Ignored without createOpportunity. */
  amount?: MoneyInput | null | undefined;
  /** Also open an opportunity for the customer, on the first open stage of the pipeline. */
  createOpportunity?: boolean;
  /** Attach to this existing customer instead of creating one. */
  customerId?: string | number | null | undefined;
  /** The lead; a converted or disqualified one is refused with INVALID_STATE. */
  leadId: string | number;
  /** The opportunity's title; "<customer> - <lead>" when omitted. Ignored without createOpportunity. */
  opportunityTitle?: string | null | undefined;
};

/** A new customer (客户), optionally with its tags and contacts. It is owned by ownerId, or by you when ownerId is omitted. */
export type CreateCustomerInput = {
  /** Postal address. */
  address?: string | null | undefined;
  /** Create even when a customer with the same name, phone or email exists. */
  allowDuplicate?: boolean;
  /** Contacts to create with it, in the same transaction. */
  contacts?: Array<ContactFieldsInput>;
  /** Main email address; stored in lower case and checked for duplicates. */
  email?: string | null | undefined;
  /** A UUID chosen by the client (offline creation, retries): sending it again returns the record the first call made instead of a second one. */
  id?: string | number | null | undefined;
  /** The customer's trade. */
  industry?: string | null | undefined;
  /** A company or a person; COMPANY if omitted. */
  kind?: CustomerKind;
  /** How important it is; C if omitted. */
  level?: CustomerLevel;
  /** Where the customer is in its life with us; PROSPECT if omitted. */
  lifecycleStage?: LifecycleStage;
  /** The company's or the person's name, at most 200 characters; the duplicate check compares it ignoring case and extra spaces. */
  name: string;
  /** The rep who will own it, an active user you may give customers to; you when omitted. */
  ownerId?: string | number | null | undefined;
  /** Main phone number; the duplicate check compares its digits. */
  phone?: string | null | undefined;
  /** Province, city or sales region. */
  region?: string | null | undefined;
  /** Where the customer came from, e.g. 展会 (trade fair) or web. */
  source?: string | null | undefined;
  /** Tags to put on it; every one must exist. */
  tagIds?: Array<string | number>;
};

/** A new lead (线索), status NEW, owned by ownerId or by you. */
export type CreateLeadInput = {
  /** Their company; it becomes the customer's name on conversion. */
  company?: string | null | undefined;
  /** Email address; stored in lower case. */
  email?: string | null | undefined;
  /** A UUID chosen by the client (offline creation, retries): sending it again returns the record the first call made instead of a second one. */
  id?: string | number | null | undefined;
  /** The person's name, at most 120 characters. */
  name: string;
  /** Free notes. */
  notes?: string | null | undefined;
  /** The user who will work the lead; you when omitted. */
  ownerId?: string | number | null | undefined;
  /** Phone number. */
  phone?: string | null | undefined;
  /** Where the lead came from, e.g. 展会 (trade fair) or web form. */
  source?: string | null | undefined;
  /** Their job title. */
  title?: string | null | undefined;
};

/** A new opportunity (商机) for a customer you may see. */
export type CreateOpportunityInput = {
  /** The expected amount; 0 CNY when omitted. */
  amount?: MoneyInput | null | undefined;
  /** Whom the deal is with. */
  customerId: string | number;
  /** When it should close. */
  expectedCloseDate?: string | null | undefined;
  /** A UUID chosen by the client (offline creation, retries): sending it again returns the record the first call made instead of a second one. */
  id?: string | number | null | undefined;
  /** Who works the deal, an active user within your write scope; the customer's owner (or you) when omitted. */
  ownerId?: string | number | null | undefined;
  /** Chance of winning in percent, 0 to 100; the stage's default when omitted. */
  probability?: number | null | undefined;
  /** An open stage to start on; the first open stage when omitted. A won or lost stage is refused. */
  stageId?: string | number | null | undefined;
  /** What the deal is, at most 200 characters. */
  title: string;
};

/** A new DRAFT order for a customer, or from a won opportunity. Its number and every amount are computed on the server. */
export type CreateOrderInput = {
  /** A link to the signed contract. */
  attachmentUrl?: string | null | undefined;
  /** When the contract ends; not before contractStart. */
  contractEnd?: string | null | undefined;
  /** When the contract was signed, if there is one. */
  contractSignedOn?: string | null | undefined;
  /** When the contract starts. */
  contractStart?: string | null | undefined;
  /** ISO 4217 code of every amount of the order; defaults to the opportunity's currency, else the workspace's. */
  currency?: string | null | undefined;
  /** Defaults to the opportunity's customer; a customer in the public pool must be claimed first. */
  customerId?: string | number | null | undefined;
  /** A UUID chosen by the client (offline creation, retries); refused if taken. */
  id?: string | number | null | undefined;
  /** 1 to 100 characters: a retry with the same key and input returns the first result and changes nothing; the same key with other input is a CONFLICT. */
  idempotencyKey?: string | null | undefined;
  /** 1 to 200 lines, in the order they are printed. */
  lines: Array<OrderLineInput>;
  /** Free notes. */
  notes?: string | null | undefined;
  /** A won opportunity this order comes from. */
  opportunityId?: string | number | null | undefined;
  /** The order's date; defaults to today. Its year is the year in the order number. */
  orderedOn?: string | null | undefined;
  /** The rep credited with it; defaults to the customer's owner, else you. Refused if your write scope does not cover that user. */
  ownerId?: string | number | null | undefined;
  /** Where the goods go; null takes the customer's address. */
  shipToAddress?: string | null | undefined;
  /** Who receives the goods; null takes the customer's name. */
  shipToName?: string | null | undefined;
  /** The receiver's phone; null takes the customer's phone. */
  shipToPhone?: string | null | undefined;
  /** Payment and delivery terms. */
  terms?: string | null | undefined;
  /** Where its stock is to be reserved on confirmation; confirmOrder may still choose another. */
  warehouseId?: string | number | null | undefined;
};

/** Open the pay run of a month. */
export type CreatePayRunInput = {
  /** The month, 1 to 12; one run per month, and none before a month of the same year that is already approved. */
  month: number;
  /** The year, 2000 to 2100. */
  year: number;
};

/** Goods of an order that has shipped something, coming back for money (RETURN) or for the same goods again (EXCHANGE). */
export type CreateReturnRequestInput = {
  /** 1 to 100 characters: a retry with the same key and input returns the first result and changes nothing; the same key with other input is a CONFLICT. */
  idempotencyKey?: string | null | undefined;
  /** Money back or replacement. */
  kind?: ReturnKind;
  /** What comes back, per order line. */
  lines: Array<LineQuantityInput>;
  /** The order the goods shipped for. */
  orderId: string | number;
  /** Why the customer returns the goods; required. */
  reason: string;
  /** Where the goods come back to; defaults to the order's warehouse. */
  warehouseId?: string | number | null | undefined;
};

/** Goods leaving the order's warehouse for a CONFIRMED or PARTIALLY_SHIPPED order; their reserved stock goes out with them. */
export type CreateShipmentInput = {
  /** Who carries it, e.g. SF Express. */
  carrier?: string | null | undefined;
  /** 1 to 100 characters: a retry with the same key and input returns the first result and changes nothing; the same key with other input is a CONFLICT. */
  idempotencyKey?: string | null | undefined;
  /** Omit to ship everything not yet shipped. */
  lines?: Array<LineQuantityInput> | null | undefined;
  /** The order to ship. */
  orderId: string | number;
  /** The carrier's tracking number. */
  trackingNumber?: string | null | undefined;
};

/** A new task (日程/提醒), OPEN, assigned to assigneeId or to you. */
export type CreateTaskInput = {
  /** Who does it, a user within your write scope; you when omitted. */
  assigneeId?: string | number | null | undefined;
  /** The customer it is about, one you may change. */
  customerId?: string | number | null | undefined;
  /** More about it. */
  description?: string | null | undefined;
  /** When it is due; without it the task is never overdue. */
  dueAt?: string | null | undefined;
  /** A UUID chosen by the client (offline creation, retries): sending it again returns the record the first call made instead of a second one. */
  id?: string | number | null | undefined;
  /** The deal it is about, one you may change. */
  opportunityId?: string | number | null | undefined;
  /** How urgent it is; NORMAL if omitted. */
  priority?: TaskPriority;
  /** When to remind the assignee. */
  remindAt?: string | null | undefined;
  /** What to do, at most 200 characters. */
  title: string;
};

/** Which customers to list. */
export type CustomerFilter = {
  /** Every one of these matches. */
  and?: Array<CustomerFilter> | null | undefined;
  /** Has a contact like this. */
  contact?: ContactFilter | null | undefined;
  /** Match on createdAt. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Match on email. */
  email?: StringFilter | null | undefined;
  /** Match on inPool. */
  inPool?: BooleanFilter | null | undefined;
  /** Match on industry. */
  industry?: StringFilter | null | undefined;
  /** Match on kind. */
  kind?: CustomerKindFilter | null | undefined;
  /** Match on lastFollowUpAt. */
  lastFollowUpAt?: DateTimeFilter | null | undefined;
  /** Match on level. */
  level?: CustomerLevelFilter | null | undefined;
  /** Match on lifecycleStage. */
  lifecycleStage?: LifecycleStageFilter | null | undefined;
  /** Match on name. */
  name?: StringFilter | null | undefined;
  /** Match on nextFollowUpAt. */
  nextFollowUpAt?: DateTimeFilter | null | undefined;
  /** This does not match. */
  not?: CustomerFilter | null | undefined;
  /** Has an opportunity like this (that you may see). */
  opportunity?: OpportunityFilter | null | undefined;
  /** At least one of these matches. */
  or?: Array<CustomerFilter> | null | undefined;
  /** Match on the User id of owner. */
  owner?: IdFilter | null | undefined;
  /** Match on phone. */
  phone?: StringFilter | null | undefined;
  /** Match on region. */
  region?: StringFilter | null | undefined;
  /** Text in the name or a contact's name. */
  search?: string | null | undefined;
  /** Match on source. */
  source?: StringFilter | null | undefined;
  /** Has every one of these tags. */
  tagsAll?: Array<string | number> | null | undefined;
  /** Has at least one of these tags. */
  tagsAny?: Array<string | number> | null | undefined;
  /** Match on the Team id of team. */
  team?: IdFilter | null | undefined;
  /** Match on updatedAt. */
  updatedAt?: DateTimeFilter | null | undefined;
};

/** Whether a customer is an organisation or a private individual. */
export type CustomerKind =
  /** A company or other organisation (企业客户); its people are contacts. */
  | 'COMPANY'
  /** A private individual (个人客户). */
  | 'PERSON';

/** Conditions on a CustomerKind value. */
export type CustomerKindFilter = {
  /** Equal to this value. */
  eq?: CustomerKind | null | undefined;
  /** Equal to one of these values. */
  in?: Array<CustomerKind> | null | undefined;
  /** true: only records without a value; false: only records with one. */
  isNull?: boolean | null | undefined;
  /** Not equal to this value. */
  ne?: CustomerKind | null | undefined;
};

/** How important a customer is to us (客户等级), from A (most) to D (least). */
export type CustomerLevel =
  /** Key account: the most important customers (重点客户). */
  | 'A'
  /** Important customers. */
  | 'B'
  /** Ordinary customers; new customers start here. */
  | 'C'
  /** The least important customers. */
  | 'D';

/** Conditions on a CustomerLevel value. */
export type CustomerLevelFilter = {
  /** Equal to this value. */
  eq?: CustomerLevel | null | undefined;
  /** Equal to one of these values. */
  in?: Array<CustomerLevel> | null | undefined;
  /** true: only records without a value; false: only records with one. */
  isNull?: boolean | null | undefined;
  /** Not equal to this value. */
  ne?: CustomerLevel | null | undefined;
};

/** One key of a Customer sort; later keys break ties. */
export type CustomerSort = {
  /** Ascending (default) or descending. */
  direction?: SortDirection;
  /** The field to sort on. */
  field: CustomerSortField;
};

/** What a Customer list can be sorted by. */
export type CustomerSortField =
  /** Sort by createdAt. */
  | 'CREATED_AT'
  /** Sort by lastFollowUpAt. */
  | 'LAST_FOLLOW_UP_AT'
  /** Sort by level. */
  | 'LEVEL'
  /** Sort by name. */
  | 'NAME'
  /** Sort by nextFollowUpAt. */
  | 'NEXT_FOLLOW_UP_AT'
  /** Sort by updatedAt. */
  | 'UPDATED_AT';

/** Conditions on a calendar date; all given conditions must hold. */
export type DateFilter = {
  /** Equal to this value. */
  eq?: string | null | undefined;
  /** Greater than (after) this value. */
  gt?: string | null | undefined;
  /** Greater than (after) or equal to this value. */
  gte?: string | null | undefined;
  /** true: only records without a value; false: only records with one. */
  isNull?: boolean | null | undefined;
  /** Less than (before) this value. */
  lt?: string | null | undefined;
  /** Less than (before) or equal to this value. */
  lte?: string | null | undefined;
  /** Not equal to this value. */
  ne?: string | null | undefined;
};

/** Conditions on a moment in time; all given conditions must hold. */
export type DateTimeFilter = {
  /** Equal to this value. */
  eq?: string | null | undefined;
  /** Greater than (after) this value. */
  gt?: string | null | undefined;
  /** Greater than (after) or equal to this value. */
  gte?: string | null | undefined;
  /** true: only records without a value; false: only records with one. */
  isNull?: boolean | null | undefined;
  /** Less than (before) this value. */
  lt?: string | null | undefined;
  /** Less than (before) or equal to this value. */
  lte?: string | null | undefined;
  /** Not equal to this value. */
  ne?: string | null | undefined;
};

/** Conditions on a decimal amount; all given conditions must hold. */
export type DecimalFilter = {
  /** Equal to this value. */
  eq?: string | null | undefined;
  /** Greater than (after) this value. */
  gt?: string | null | undefined;
  /** Greater than (after) or equal to this value. */
  gte?: string | null | undefined;
  /** true: only records without a value; false: only records with one. */
  isNull?: boolean | null | undefined;
  /** Less than (before) this value. */
  lt?: string | null | undefined;
  /** Less than (before) or equal to this value. */
  lte?: string | null | undefined;
};

/** Who reached out. */
export type Direction =
  /** The customer reached out to us. */
  | 'INBOUND'
  /** Among ourselves, e.g. a note or a talk about the customer. */
  | 'INTERNAL'
  /** We reached out to the customer. */
  | 'OUTBOUND';

/** Where an employee stands: whether pay runs still include them. */
export type EmployeeStatus =
  /** Employed and working; paid in every pay run. */
  | 'ACTIVE'
  /** Employed but away on leave; still in every pay run at the full base salary (enter a DEDUCTION for leave that is unpaid). */
  | 'ON_LEAVE'
  /** No longer employed: left out of every run calculated from now on; their approved payslips stay. */
  | 'TERMINATED';

/** Why a request or one of its items failed. */
export type ErrorCode =
  /** An approval rule holds the operation until it is approved: `params` names the `rule` and the pending `request` (an ApprovalRequest id); the same operation with the same figures goes through once the request is approved. */
  | 'APPROVAL_REQUIRED'
  /** Someone changed the record since you read it: reload, retry with its new version. */
  | 'CONFLICT'
  /** A record with the same identity already exists. */
  | 'DUPLICATE'
  /** Your role may not read or change this. */
  | 'FORBIDDEN'
  /** Not enough stock is available for the quantity asked. */
  | 'INSUFFICIENT_STOCK'
  /** The input breaks a rule of its field (format, length, range); `field` names it. */
  | 'INVALID'
  /** The email or password is wrong. */
  | 'INVALID_CREDENTIALS'
  /** The record's status does not allow this step now. */
  | 'INVALID_STATE'
  /** The request is too large: a page, list, cost or input over its limit. */
  | 'LIMIT_REACHED'
  /** No such record, or not one you may read. */
  | 'NOT_FOUND'
  /** Too many attempts: wait before trying again. */
  | 'RATE_LIMITED'
  /** Sign in first, or your session has expired. */
  | 'UNAUTHENTICATED'
  /** A part the server needs is down; try again shortly. */
  | 'UNAVAILABLE';

/** Conditions on a reference to another record, by its global id. */
export type IdFilter = {
  /** Equal to this value. */
  eq?: string | number | null | undefined;
  /** Equal to one of these values. */
  in?: Array<string | number> | null | undefined;
  /** true: only records without a value; false: only records with one. */
  isNull?: boolean | null | undefined;
  /** Not equal to this value. */
  ne?: string | number | null | undefined;
};

/** One object, by its global id. */
export type IdInput = {
  /** The object's global id. */
  id: string | number;
};

/** Conditions on a whole number; all given conditions must hold. */
export type IntFilter = {
  /** Equal to this value. */
  eq?: number | null | undefined;
  /** Greater than (after) this value. */
  gt?: number | null | undefined;
  /** Greater than (after) or equal to this value. */
  gte?: number | null | undefined;
  /** Equal to one of these values. */
  in?: Array<number> | null | undefined;
  /** true: only records without a value; false: only records with one. */
  isNull?: boolean | null | undefined;
  /** Less than (before) this value. */
  lt?: number | null | undefined;
  /** Less than (before) or equal to this value. */
  lte?: number | null | undefined;
  /** Not equal to this value. */
  ne?: number | null | undefined;
};

/** How we were in touch. */
export type InteractionKind =
  /** A phone call. */
  | 'CALL'
  /** An email. */
  | 'EMAIL'
  /** A meeting, in our office or online. */
  | 'MEETING'
  /** A chat or text message: WeChat, SMS, DingTalk... */
  | 'MESSAGE'
  /** A note for the record, with no contact. */
  | 'NOTE'
  /** A visit at the customer's site (拜访). */
  | 'VISIT';

/** Which leads to list. */
export type LeadFilter = {
  /** Every one of these matches. */
  and?: Array<LeadFilter> | null | undefined;
  /** Match on company. */
  company?: StringFilter | null | undefined;
  /** Match on createdAt. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Match on grade. */
  grade?: LeadGradeFilter | null | undefined;
  /** Match on name. */
  name?: StringFilter | null | undefined;
  /** This does not match. */
  not?: LeadFilter | null | undefined;
  /** At least one of these matches. */
  or?: Array<LeadFilter> | null | undefined;
  /** Match on the User id of owner. */
  owner?: IdFilter | null | undefined;
  /** Match on score. */
  score?: IntFilter | null | undefined;
  /** Match on source. */
  source?: StringFilter | null | undefined;
  /** Match on status. */
  status?: LeadStatusFilter | null | undefined;
};

/** How good a lead is, by its score and the workspace's grade thresholds (see lifecycleSettings). */
export type LeadGrade =
  /** Hot: at or above the A threshold. */
  | 'A'
  /** Warm: at or above the B threshold. */
  | 'B'
  /** Lukewarm: at or above the C threshold. */
  | 'C'
  /** Cold: below the C threshold. */
  | 'D';

/** Conditions on a LeadGrade value. */
export type LeadGradeFilter = {
  /** Equal to this value. */
  eq?: LeadGrade | null | undefined;
  /** Equal to one of these values. */
  in?: Array<LeadGrade> | null | undefined;
  /** true: only records without a value; false: only records with one. */
  isNull?: boolean | null | undefined;
  /** Not equal to this value. */
  ne?: LeadGrade | null | undefined;
};

/** One key of a Lead sort; later keys break ties. */
export type LeadSort = {
  /** Ascending (default) or descending. */
  direction?: SortDirection;
  /** The field to sort on. */
  field: LeadSortField;
};

/** What a Lead list can be sorted by. */
export type LeadSortField =
  /** Sort by createdAt. */
  | 'CREATED_AT'
  /** Sort by name. */
  | 'NAME'
  /** Sort by score. */
  | 'SCORE'
  /** Sort by updatedAt. */
  | 'UPDATED_AT';

/** Where a lead stands on its way to becoming a customer. */
export type LeadStatus =
  /** Someone has been in touch; the need is not yet known. */
  | 'CONTACTED'
  /** Became a customer through convertLead; updateLead refuses it. */
  | 'CONVERTED'
  /** Not worth pursuing; it cannot be converted. */
  | 'DISQUALIFIED'
  /** Just came in; nobody has been in touch yet. */
  | 'NEW'
  /** Confirmed as a real prospect: ready to convert. */
  | 'QUALIFIED';

/** Conditions on a LeadStatus value. */
export type LeadStatusFilter = {
  /** Equal to this value. */
  eq?: LeadStatus | null | undefined;
  /** Equal to one of these values. */
  in?: Array<LeadStatus> | null | undefined;
  /** true: only records without a value; false: only records with one. */
  isNull?: boolean | null | undefined;
  /** Not equal to this value. */
  ne?: LeadStatus | null | undefined;
};

/** Where the customer is in its life with us (客户阶段); set by people, and moved by the workspace's lifecycle rules (see lifecycleSettings). */
export type LifecycleStage =
  /** Bought before, but no order and no interaction for a while (流失预警). */
  | 'AT_RISK'
  /** Has stopped buying from us (流失客户). */
  | 'CHURNED'
  /** Has bought from us (成交客户). */
  | 'CUSTOMER'
  /** Has shown interest and is being qualified. */
  | 'LEAD'
  /** Buys again and again (忠诚客户). */
  | 'LOYAL'
  /** A deal with it is being worked. */
  | 'OPPORTUNITY'
  /** Known to us, interest not yet shown (潜在客户). */
  | 'PROSPECT';

/** Conditions on a LifecycleStage value. */
export type LifecycleStageFilter = {
  /** Equal to this value. */
  eq?: LifecycleStage | null | undefined;
  /** Equal to one of these values. */
  in?: Array<LifecycleStage> | null | undefined;
  /** true: only records without a value; false: only records with one. */
  isNull?: boolean | null | undefined;
  /** Not equal to this value. */
  ne?: LifecycleStage | null | undefined;
};

/** How many units of one order line a shipment or return takes. */
export type LineQuantityInput = {
  /** A line of the same order. */
  orderLineId: string | number;
  /** Units, more than zero: at most what is left to ship (a shipment), or what was shipped and is not claimed by another return (a return). */
  quantity: number;
};

/** A follow-up (跟进记录) to log against a customer you may change. */
export type LogInteractionInput = {
  /** The person we spoke to, one of the customer's contacts. */
  contactId?: string | number | null | undefined;
  /** The customer. */
  customerId: string | number;
  /** Who reached out; OUTBOUND if omitted. */
  direction?: Direction;
  /** A UUID chosen by the client (offline creation, retries): sending it again returns the record the first call made instead of a second one. */
  id?: string | number | null | undefined;
  /** How we were in touch. */
  kind: InteractionKind;
  /** When to follow up next, after occurredAt: sets the customer's nextFollowUpAt and creates a reminder task for you. */
  nextFollowUpAt?: string | null | undefined;
  /** When it happened, not in the future; now when omitted. A time without a zone is UTC. */
  occurredAt?: string | null | undefined;
  /** The deal it was about, one of the customer's opportunities. */
  opportunityId?: string | number | null | undefined;
  /** What came of it. */
  outcome?: string | null | undefined;
  /** What was said; must not be empty. */
  summary: string;
};

/** Two records of one customer to make one. */
export type MergeCustomersInput = {
  /** The duplicate: its contacts, tags, opportunities, follow-ups, tasks and orders move over, then it is deleted as merged. */
  fromId: string | number;
  /** The customer that stays; its empty fields are filled from the other. */
  intoId: string | number;
};

/** An exact amount in one currency. */
export type MoneyInput = {
  /** The amount as a decimal string, at most the currency's minor digits. */
  amount: string;
  /** The ISO 4217 code, e.g. CNY. */
  currency: string;
};

/** A move of an opportunity to another stage of the pipeline. */
export type MoveOpportunityInput = {
  /** The version you read: refuse with CONFLICT, and return the opportunity as it is now, if it changed since. */
  expectedVersion?: number | null | undefined;
  /** The opportunity. */
  id: string | number;
  /** Why the deal was lost: required for a lost stage, cleared by any other. */
  lostReason?: string | null | undefined;
  /** Why it moves, kept in the stage history. */
  note?: string | null | undefined;
  /** The stage to move to; its probability becomes the deal's. A won stage needs an amount above 0; moving to the current stage changes nothing. */
  stageId: string | number;
  /** Why the deal was won: required for a won stage, cleared by any other. */
  wonReason?: string | null | undefined;
};

/** Conditions on a MovementKind value. */
export type MovementKindFilter = {
  /** Equal to this value. */
  eq?: StockMovementKind | null | undefined;
  /** Equal to one of these values. */
  in?: Array<StockMovementKind> | null | undefined;
  /** true: only records without a value; false: only records with one. */
  isNull?: boolean | null | undefined;
  /** Not equal to this value. */
  ne?: StockMovementKind | null | undefined;
};

/** Which opportunities to list. */
export type OpportunityFilter = {
  /** Every one of these matches. */
  and?: Array<OpportunityFilter> | null | undefined;
  /** Match on createdAt. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Match on the Customer id of customer. */
  customer?: IdFilter | null | undefined;
  /** Match on expectedCloseDate. */
  expectedCloseDate?: DateFilter | null | undefined;
  /** Match on isOpen. */
  isOpen?: BooleanFilter | null | undefined;
  /** This does not match. */
  not?: OpportunityFilter | null | undefined;
  /** At least one of these matches. */
  or?: Array<OpportunityFilter> | null | undefined;
  /** Match on the User id of owner. */
  owner?: IdFilter | null | undefined;
  /** Match on the PipelineStage id of stage. */
  stage?: IdFilter | null | undefined;
  /** Match on title. */
  title?: StringFilter | null | undefined;
};

/** Which orders to list. */
export type OrderFilter = {
  /** Every one of these matches. */
  and?: Array<OrderFilter> | null | undefined;
  /** Match on confirmedOn. */
  confirmedOn?: DateFilter | null | undefined;
  /** Match on createdAt. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Match on the Customer id of customer. */
  customer?: IdFilter | null | undefined;
  /** This does not match. */
  not?: OrderFilter | null | undefined;
  /** Match on number. */
  number?: StringFilter | null | undefined;
  /** At least one of these matches. */
  or?: Array<OrderFilter> | null | undefined;
  /** Match on orderedOn. */
  orderedOn?: DateFilter | null | undefined;
  /** Match on the User id of owner. */
  owner?: IdFilter | null | undefined;
  /** Match on paymentStatus. */
  paymentStatus?: PaymentStatusFilter | null | undefined;
  /** Orders with a line of this product. */
  product?: IdFilter | null | undefined;
  /** Match on status. */
  status?: OrderStatusFilter | null | undefined;
  /** Total in the order's currency (2-place currencies). */
  total?: DecimalFilter | null | undefined;
  /** Match on the Warehouse id of warehouse. */
  warehouse?: IdFilter | null | undefined;
};

/** One line of a new or replaced order: a product, how many, and the price when it is not the list price. */
export type OrderLineInput = {
  /** Text printed with the line; defaults to the product's name. */
  description?: string | null | undefined;
  /** Percent off, 0 to 100 with at most two decimals, e.g. "5". */
  discount?: string;
  /** The product sold; it must still be on sale. */
  productId: string | number;
  /** Units ordered, 1 to 10,000,000. */
  quantity: number;
  /** Percent, 0 to 100 with at most two decimals; defaults to the product's rate. */
  taxRate?: string | null | undefined;
  /** Price of one unit before discount, in the order's currency. Defaults to the product's list price; needed when the product is priced in another currency. */
  unitPrice?: MoneyInput | null | undefined;
};

/** One key of a Order sort; later keys break ties. */
export type OrderSort = {
  /** Ascending (default) or descending. */
  direction?: SortDirection;
  /** The field to sort on. */
  field: OrderSortField;
};

/** What a Order list can be sorted by. */
export type OrderSortField =
  /** Sort by createdAt. */
  | 'CREATED_AT'
  /** Sort by number. */
  | 'NUMBER'
  /** Sort by orderedOn. */
  | 'ORDERED_ON'
  /** Sort by total. */
  | 'TOTAL'
  /** Sort by updatedAt. */
  | 'UPDATED_AT';

/** Where an order is: DRAFT -> CONFIRMED -> PARTIALLY_SHIPPED -> SHIPPED -> DELIVERED -> COMPLETED, or CANCELLED from DRAFT or CONFIRMED. */
export type OrderStatus =
  /** Called off before anything shipped or was paid; its reserved stock was released. */
  | 'CANCELLED'
  /** Closed after delivery; payments and returns may still be recorded. */
  | 'COMPLETED'
  /** Accepted: stock is reserved for every stock-tracked line; nothing has shipped yet. */
  | 'CONFIRMED'
  /** Every shipment has arrived; completeOrder closes the order. */
  | 'DELIVERED'
  /** Being prepared: lines and prices may still change; no stock is reserved. */
  | 'DRAFT'
  /** Some units have shipped; the rest stay reserved until they ship. */
  | 'PARTIALLY_SHIPPED'
  /** Every unit has left the warehouse; waiting for the shipments to arrive. */
  | 'SHIPPED';

/** Conditions on a OrderStatus value. */
export type OrderStatusFilter = {
  /** Equal to this value. */
  eq?: OrderStatus | null | undefined;
  /** Equal to one of these values. */
  in?: Array<OrderStatus> | null | undefined;
  /** true: only records without a value; false: only records with one. */
  isNull?: boolean | null | undefined;
  /** Not equal to this value. */
  ne?: OrderStatus | null | undefined;
};

/** A pay run, by its global id. */
export type PayRunInput = {
  /** The pay run. */
  id: string | number;
};

/** The life cycle of a month's pay run (and of its payslips): DRAFT -> CALCULATED -> APPROVED -> PAID. */
export type PayRunStatus =
  /** Signed off by finance and frozen: the run and its payslips never change again, employees see their payslips, and the next month's cumulative tax builds on them. */
  | 'APPROVED'
  /** Payslips built from the current salaries, payments and adjustments; recalculate as often as needed until it is approved. */
  | 'CALCULATED'
  /** Opened for the month, no payslips yet: calculate it to build them. */
  | 'DRAFT'
  /** The net pay has been paid out; as frozen as APPROVED. */
  | 'PAID';

/** How money came in or, for a refund, went back. */
export type PaymentMethod =
  /** Alipay (支付宝). */
  | 'ALIPAY'
  /** A bank transfer (the default). */
  | 'BANK_TRANSFER'
  /** A debit or credit card. */
  | 'CARD'
  /** Cash. */
  | 'CASH'
  /** A cheque. */
  | 'CHEQUE'
  /** Any other way; say which in the payment's reference. */
  | 'OTHER'
  /** WeChat Pay (微信支付). */
  | 'WECHAT_PAY';

/** How much of an order is paid, counting refunds and received returns: what is due is the total minus the value of returns received. */
export type PaymentStatus =
  /** Everything due is received; also when nothing is due. */
  | 'PAID'
  /** Some money received, less than is due. */
  | 'PARTIALLY_PAID'
  /** Everything was returned and whatever was paid has been paid back. */
  | 'REFUNDED'
  /** Nothing received yet (net of refunds) while money is due. */
  | 'UNPAID';

/** Conditions on a PaymentStatus value. */
export type PaymentStatusFilter = {
  /** Equal to this value. */
  eq?: PaymentStatus | null | undefined;
  /** Equal to one of these values. */
  in?: Array<PaymentStatus> | null | undefined;
  /** true: only records without a value; false: only records with one. */
  isNull?: boolean | null | undefined;
  /** Not equal to this value. */
  ne?: PaymentStatus | null | undefined;
};

/** A period of days: from `start` to `end`, end excluded. */
export type PeriodInput = {
  /** The day after the last (exclusive). */
  end: string;
  /** The first day. */
  start: string;
};

/** Goods that arrived in a warehouse (入库), e.g. from a supplier. */
export type ReceiveStockInput = {
  /** A stock-tracked product. */
  productId: string | number;
  /** Units received, more than zero. */
  quantity: number;
  /** Why, e.g. a purchase order number; kept on the movement. */
  reason?: string | null | undefined;
  /** An active warehouse. */
  warehouseId: string | number;
};

/** Money received against an order that is neither DRAFT nor CANCELLED (回款); more than its balance due is refused. */
export type RecordPaymentInput = {
  /** More than zero, in the order's currency, at most its balanceDue. */
  amount: MoneyInput;
  /** 1 to 100 characters: a retry with the same key and input returns the first result and changes nothing; the same key with other input is a CONFLICT. */
  idempotencyKey?: string | null | undefined;
  /** How the money came. */
  method?: PaymentMethod;
  /** The order paid for. */
  orderId: string | number;
  /** When the money arrived; defaults to today. */
  receivedOn?: string | null | undefined;
  /** The bank's or the payer's reference, at most 120 characters. */
  reference?: string | null | undefined;
};

/** A refresh token to trade for a new access and refresh token. */
export type RefreshTokenInput = {
  /** The refresh token of the last login or refresh; each one works once. */
  refreshToken: string;
};

/** A RECEIVED return (not an exchange) to pay back as a negative payment; the return is REFUNDED afterwards. */
export type RefundReturnInput = {
  /** In the order's currency, e.g. "99.50"; at most the returned goods' value and what was paid. Defaults to the smaller of the two. */
  amount?: string | null | undefined;
  /** The return request. */
  id: string | number;
  /** How the money goes back. */
  method?: PaymentMethod;
  /** When the refund was paid; defaults to today. */
  receivedOn?: string | null | undefined;
  /** The bank's reference of the refund. */
  reference?: string | null | undefined;
};

/** A REQUESTED or APPROVED return to refuse; its quantities may be claimed again. */
export type RejectReturnInput = {
  /** The return request. */
  id: string | number;
  /** Why it is refused; required, shown as rejectReason. */
  reason: string;
};

/** Customers to return to the public pool (公海). */
export type ReleaseToPoolInput = {
  /** The customers, 1 to 1000; each must be one you may change and not already in the pool. Give either ids or matching. */
  ids?: Array<string | number> | null | undefined;
  /** Instead of ids: every customer in your row scope that matches this filter (as `customers(filter:)` lists them), at most 1000. */
  matching?: CustomerFilter | null | undefined;
  /** Why they are released; kept in each customer's history. */
  reason?: string | null | undefined;
};

/** What the customer gets for goods they send back: money, or the goods again. */
export type ReturnKind =
  /** The goods come back and the same quantities ship again as a replacement shipment; no money moves. */
  | 'EXCHANGE'
  /** The goods come back and the customer is refunded (refundReturn). */
  | 'RETURN';

/** Where a return stands: REQUESTED -> APPROVED -> RECEIVED -> REFUNDED for a return, REQUESTED -> APPROVED -> REPLACED for an exchange, or REJECTED. */
export type ReturnStatus =
  /** Accepted; waiting for the goods to come back (receiveReturn). */
  | 'APPROVED'
  /** The goods of a return are back in stock and no longer due; waiting for the refund. */
  | 'RECEIVED'
  /** Closed: the refund was paid as a negative payment (nothing, when nothing had been paid). */
  | 'REFUNDED'
  /** Closed without taking the goods back; their quantities may be claimed again. */
  | 'REJECTED'
  /** Closed: the goods of an exchange are back and the replacement has shipped. */
  | 'REPLACED'
  /** Asked for and waiting for approval; its quantities already count as returned on the order's lines, so they cannot be claimed twice. */
  | 'REQUESTED';

/** Which rows of an object type a role reaches. */
export type RowScope =
  /** Every row of the workspace. */
  | 'ALL'
  /** No rows. */
  | 'NONE'
  /** The rows the user owns (or that belong to what they own). */
  | 'OWN'
  /** The rows of the user's team. */
  | 'TEAM';

/** Which shipments to list. */
export type ShipmentFilter = {
  /** Every one of these matches. */
  and?: Array<ShipmentFilter> | null | undefined;
  /** Match on carrier. */
  carrier?: StringFilter | null | undefined;
  /** Match on createdAt. */
  createdAt?: DateTimeFilter | null | undefined;
  /** This does not match. */
  not?: ShipmentFilter | null | undefined;
  /** At least one of these matches. */
  or?: Array<ShipmentFilter> | null | undefined;
  /** Match on the Order id of order. */
  order?: IdFilter | null | undefined;
  /** Match on the number of the order it belongs to (SO-2026-000123). */
  orderNumber?: StringFilter | null | undefined;
  /** Match on shippedAt. */
  shippedAt?: DateTimeFilter | null | undefined;
  /** Where it is: PENDING waits for the carrier, IN_TRANSIT is on its way. */
  status?: ShipmentStatusFilter | null | undefined;
  /** Match on trackingNumber. */
  trackingNumber?: StringFilter | null | undefined;
  /** Match on the Warehouse id of warehouse. */
  warehouse?: IdFilter | null | undefined;
};

/** One key of a Shipment sort; later keys break ties. */
export type ShipmentSort = {
  /** Ascending (default) or descending. */
  direction?: SortDirection;
  /** The field to sort on. */
  field: ShipmentSortField;
};

/** What a Shipment list can be sorted by. */
export type ShipmentSortField =
  /** Sort by createdAt. */
  | 'CREATED_AT'
  /** Sort by shippedAt. */
  | 'SHIPPED_AT';

/** Where a shipment is: PENDING -> IN_TRANSIT -> DELIVERED, never back. */
export type ShipmentStatus =
  /** It reached the customer; once every shipment of a SHIPPED order is delivered, the order is DELIVERED. */
  | 'DELIVERED'
  /** The carrier has it on the way. */
  | 'IN_TRANSIT'
  /** Packed: the stock has left the warehouse's books, the carrier does not have it yet. */
  | 'PENDING';

/** Conditions on a ShipmentStatus value. */
export type ShipmentStatusFilter = {
  /** Equal to this value. */
  eq?: ShipmentStatus | null | undefined;
  /** Equal to one of these values. */
  in?: Array<ShipmentStatus> | null | undefined;
  /** true: only records without a value; false: only records with one. */
  isNull?: boolean | null | undefined;
  /** Not equal to this value. */
  ne?: ShipmentStatus | null | undefined;
};

/** Which way a sort key runs. */
export type SortDirection =
  /** Smallest, earliest or A first. */
  | 'ASC'
  /** Largest, latest or Z first. */
  | 'DESC';

/** Which stock levels to list. */
export type StockLevelFilter = {
  /** Every one of these matches. */
  and?: Array<StockLevelFilter> | null | undefined;
  /** This does not match. */
  not?: StockLevelFilter | null | undefined;
  /** Match on onHand. */
  onHand?: IntFilter | null | undefined;
  /** At least one of these matches. */
  or?: Array<StockLevelFilter> | null | undefined;
  /** Match on the Product id of product. */
  product?: IdFilter | null | undefined;
  /** Match on reserved. */
  reserved?: IntFilter | null | undefined;
  /** Match on the Warehouse id of warehouse. */
  warehouse?: IdFilter | null | undefined;
};

/** Which ledger lines to list. */
export type StockMovementFilter = {
  /** Every one of these matches. */
  and?: Array<StockMovementFilter> | null | undefined;
  /** Match on createdAt. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Match on kind. */
  kind?: MovementKindFilter | null | undefined;
  /** This does not match. */
  not?: StockMovementFilter | null | undefined;
  /** At least one of these matches. */
  or?: Array<StockMovementFilter> | null | undefined;
  /** Match on the Product id of product. */
  product?: IdFilter | null | undefined;
  /** Match on referenceType. */
  referenceType?: StringFilter | null | undefined;
  /** Match on the Warehouse id of warehouse. */
  warehouse?: IdFilter | null | undefined;
};

/** Why stock moved; each kind changes on hand, reserved or both. */
export type StockMovementKind =
  /** A correction after a count (adjustStock): on hand goes up or down. */
  | 'ADJUST'
  /** Goods arrived (receiveStock): on hand goes up. */
  | 'RECEIVE'
  /** A reservation given back when its order was cancelled: reserved goes down. */
  | 'RELEASE'
  /** Held for a confirmed order or a replacement shipment: reserved goes up. */
  | 'RESERVE'
  /** Returned goods are back on the shelf: on hand goes up. */
  | 'RETURN'
  /** Reserved goods left with a shipment: on hand and reserved both go down. */
  | 'SHIP'
  /** Received from another warehouse (transferStock): on hand goes up here. */
  | 'TRANSFER_IN'
  /** Sent to another warehouse (transferStock): on hand goes down here. */
  | 'TRANSFER_OUT';

/** Conditions on a text field; all given conditions must hold. */
export type StringFilter = {
  /** Contains this text, ignoring case. */
  contains?: string | null | undefined;
  /** Equal to this value. */
  eq?: string | null | undefined;
  /** Equal to one of these values. */
  in?: Array<string> | null | undefined;
  /** true: only records without a value; false: only records with one. */
  isNull?: boolean | null | undefined;
  /** Not equal to this value. */
  ne?: string | null | undefined;
  /** Starts with this text, ignoring case. */
  startsWith?: string | null | undefined;
};

/** Tags to put on, or take off, many customers at once. */
export type TagCustomersInput = {
  /** The customers, 1 to 1000; each must be one you may change. Give either customerIds or matching. */
  customerIds?: Array<string | number> | null | undefined;
  /** Instead of ids: every customer in your row scope that matches this filter (as `customers(filter:)` lists them), at most 1000. */
  matching?: CustomerFilter | null | undefined;
  /** The tags, at least one; all must exist or nothing is done. */
  tagIds: Array<string | number>;
};

/** Which tasks to list. */
export type TaskFilter = {
  /** Every one of these matches. */
  and?: Array<TaskFilter> | null | undefined;
  /** This does not match. */
  not?: TaskFilter | null | undefined;
  /** At least one of these matches. */
  or?: Array<TaskFilter> | null | undefined;
  /** true: open tasks past due; false: the others. */
  overdue?: boolean | null | undefined;
  /** Tasks in one of these statuses. */
  status?: Array<TaskStatus> | null | undefined;
};

/** How urgent a task is. */
export type TaskPriority =
  /** Before the normal ones. */
  | 'HIGH'
  /** When there is time. */
  | 'LOW'
  /** The usual priority. */
  | 'NORMAL'
  /** Drop everything else. */
  | 'URGENT';

/** Where a task stands. */
export type TaskStatus =
  /** Dropped without being done. */
  | 'CANCELLED'
  /** Done; completedAt says when. */
  | 'DONE'
  /** Being worked on. */
  | 'IN_PROGRESS'
  /** Not started yet. */
  | 'OPEN';

/** Give customers to another owner (批量转移). */
export type TransferCustomersInput = {
  /** The customers, 1 to 1000; each must be one you may change. Give either ids or matching. */
  ids?: Array<string | number> | null | undefined;
  /** Instead of ids: every customer in your row scope that matches this filter (as `customers(filter:)` lists them), at most 1000. */
  matching?: CustomerFilter | null | undefined;
  /** Why they move, 1 to 500 characters; kept in each customer's history. */
  reason: string;
  /** The new owner: an active sales user or admin within your write scope. The customers join the new owner's team. */
  toOwnerId: string | number;
};

/** Available stock of one product moved between two warehouses (调拨). */
export type TransferStockInput = {
  /** The active warehouse the stock leaves. */
  fromWarehouseId: string | number;
  /** A stock-tracked product. */
  productId: string | number;
  /** Units moved, more than zero and at most what the source has available (on hand minus reserved). */
  quantity: number;
  /** Why, kept on both movements. */
  reason?: string | null | undefined;
  /** The active warehouse the stock goes to; not the one it leaves. */
  toWarehouseId: string | number;
};

/** Changes to a customer; omitted fields stay as they are, null clears an optional one. Owner and pool membership change through transferCustomers, releaseToPool and claimFromPool. */
export type UpdateCustomerInput = {
  /** Postal address. */
  address?: string | null | undefined;
  /** Main email address. */
  email?: string | null | undefined;
  /** The version you read: refuse with CONFLICT, and return the customer as it is now, if it changed since. */
  expectedVersion?: number | null | undefined;
  /** The customer. */
  id: string | number;
  /** The customer's trade. */
  industry?: string | null | undefined;
  /** Company or person. */
  kind?: CustomerKind | null | undefined;
  /** A new level. */
  level?: CustomerLevel | null | undefined;
  /** A new lifecycle stage. */
  lifecycleStage?: LifecycleStage | null | undefined;
  /** A new name. */
  name?: string | null | undefined;
  /** When the next follow-up is due; null clears it. logInteraction also sets it. */
  nextFollowUpAt?: string | null | undefined;
  /** Main phone number. */
  phone?: string | null | undefined;
  /** Province, city or sales region. */
  region?: string | null | undefined;
  /** Where the customer came from. */
  source?: string | null | undefined;
};

/** A step of a shipment's journey as the carrier reports it: forward only, PENDING -> IN_TRANSIT -> DELIVERED (in transit may be skipped). */
export type UpdateShipmentStatusInput = {
  /** The shipment. */
  id: string | number;
  /** Where it happened, as the carrier says. */
  location?: string | null | undefined;
  /** What the carrier said. */
  note?: string | null | undefined;
  /** When it happened; defaults to now. Becomes the shipment's shippedAt or deliveredAt. */
  occurredAt?: string | null | undefined;
  /** The status it reached: IN_TRANSIT or DELIVERED. */
  status: ShipmentStatus;
};

/** Changes to a task; omitted fields stay as they are, null clears an optional one. */
export type UpdateTaskInput = {
  /** More about it. */
  description?: string | null | undefined;
  /** When it is due. */
  dueAt?: string | null | undefined;
  /** The version you read: refuse with CONFLICT, and return the task as it is now, if it changed since. */
  expectedVersion?: number | null | undefined;
  /** The task. */
  id: string | number;
  /** How urgent it is. */
  priority?: TaskPriority | null | undefined;
  /** When to remind the assignee. */
  remindAt?: string | null | undefined;
  /** Where it stands; DONE sets completedAt, any other status clears it. */
  status?: TaskStatus | null | undefined;
  /** What to do. */
  title?: string | null | undefined;
};

export type RefreshTokenMutationVariables = Exact<{
  input: RefreshTokenInput;
}>;


export type RefreshTokenMutation = { refreshToken: { accessToken: string | null, refreshToken: string | null, expiresIn: number | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { user: { id: string, email: string, name: string, role: string, team: { id: string, name: string } | null }, permissions: Array<{ type: string, rowScope: RowScope, writeScope: RowScope, actions: Array<string>, fields: Array<{ field: string, access: Access }> }> } };

export type TokenCheckQueryVariables = Exact<{ [key: string]: never; }>;


export type TokenCheckQuery = { __typename: 'Query' };

export type UnreadNotificationCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationCountQuery = { unreadNotificationCount: number };

export type CustomerRowFragment = { id: string, name: string, industry: string | null, region: string | null, phone: string | null, email: string | null, source: string | null, lifecycleStage: LifecycleStage, level: CustomerLevel, inPool: boolean, lastFollowUpAt: string | null, nextFollowUpAt: string | null, createdAt: string, owner: { id: string, name: string, email: string } | null, tags: Array<{ id: string, name: string, color: string }> };

export type CustomersQueryVariables = Exact<{
  filter?: CustomerFilter | null | undefined;
  orderBy?: Array<CustomerSort> | CustomerSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CustomersQuery = { customers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, industry: string | null, region: string | null, phone: string | null, email: string | null, source: string | null, lifecycleStage: LifecycleStage, level: CustomerLevel, inPool: boolean, lastFollowUpAt: string | null, nextFollowUpAt: string | null, createdAt: string, owner: { id: string, name: string, email: string } | null, tags: Array<{ id: string, name: string, color: string }> } }> } };

export type PublicPoolQueryVariables = Exact<{
  filter?: CustomerFilter | null | undefined;
  orderBy?: Array<CustomerSort> | CustomerSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PublicPoolQuery = { publicPool: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, industry: string | null, region: string | null, phone: string | null, email: string | null, source: string | null, lifecycleStage: LifecycleStage, level: CustomerLevel, inPool: boolean, lastFollowUpAt: string | null, nextFollowUpAt: string | null, createdAt: string, owner: { id: string, name: string, email: string } | null, tags: Array<{ id: string, name: string, color: string }> } }> } };

export type CustomersCursorQueryVariables = Exact<{
  filter?: CustomerFilter | null | undefined;
  orderBy?: Array<CustomerSort> | CustomerSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CustomersCursorQuery = { customers: { pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PublicPoolCursorQueryVariables = Exact<{
  filter?: CustomerFilter | null | undefined;
  orderBy?: Array<CustomerSort> | CustomerSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PublicPoolCursorQuery = { publicPool: { pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CustomerLookupsQueryVariables = Exact<{ [key: string]: never; }>;


export type CustomerLookupsQuery = { tags: Array<{ id: string, name: string, color: string }>, users: { edges: Array<{ node: { id: string, name: string, email: string, role: string, isActive: boolean, team: { id: string } | null } }> } };

export type TransferTargetsQueryVariables = Exact<{
  roles: Array<string> | string;
}>;


export type TransferTargetsQuery = { users: { edges: Array<{ node: { id: string, name: string, email: string, role: string, isActive: boolean, team: { id: string, name: string } | null } }> } };

export type CreateCustomerMutationVariables = Exact<{
  input: CreateCustomerInput;
}>;


export type CreateCustomerMutation = { createCustomer: { customer: { id: string, name: string } | null, duplicates: Array<{ id: string, name: string, phone: string | null, email: string | null, owner: { id: string, name: string } | null }>, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type AddTagsMutationVariables = Exact<{
  input: TagCustomersInput;
}>;


export type AddTagsMutation = { addTags: { results: Array<{ id: string, ok: boolean, customer: { id: string, name: string } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> }>, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type RemoveTagsMutationVariables = Exact<{
  input: TagCustomersInput;
}>;


export type RemoveTagsMutation = { removeTags: { results: Array<{ id: string, ok: boolean, customer: { id: string, name: string } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> }>, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type TransferCustomersMutationVariables = Exact<{
  input: TransferCustomersInput;
}>;


export type TransferCustomersMutation = { transferCustomers: { results: Array<{ id: string, ok: boolean, customer: { id: string, name: string } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> }>, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type ReleaseToPoolMutationVariables = Exact<{
  input: ReleaseToPoolInput;
}>;


export type ReleaseToPoolMutation = { releaseToPool: { results: Array<{ id: string, ok: boolean, customer: { id: string, name: string } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> }>, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type ClaimFromPoolMutationVariables = Exact<{
  input: ClaimFromPoolInput;
}>;


export type ClaimFromPoolMutation = { claimFromPool: { results: Array<{ id: string, ok: boolean, customer: { id: string, name: string } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> }>, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type MergeCustomersMutationVariables = Exact<{
  input: MergeCustomersInput;
}>;


export type MergeCustomersMutation = { mergeCustomers: { customer: { id: string, name: string } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type CustomerDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type CustomerDetailQuery = { node:
    | { __typename: 'ApprovalAssignee', id: string }
    | { __typename: 'ApprovalDecision', id: string }
    | { __typename: 'ApprovalRequest', id: string }
    | { __typename: 'ApprovalRule', id: string }
    | { __typename: 'AuditEvent', id: string }
    | { __typename: 'CompensationPlan', id: string }
    | { __typename: 'Contact', id: string }
    | { __typename: 'Customer', name: string, kind: CustomerKind, industry: string | null, region: string | null, address: string | null, phone: string | null, email: string | null, source: string | null, lifecycleStage: LifecycleStage, level: CustomerLevel, inPool: boolean, lastFollowUpAt: string | null, nextFollowUpAt: string | null, createdAt: string, version: number, id: string, owner: { id: string, name: string, email: string } | null, team: { id: string, name: string } | null, tags: Array<{ id: string, name: string, color: string }>, contacts: Array<{ id: string, name: string, title: string | null, phone: string | null, email: string | null, imHandle: string | null, isPrimary: boolean }>, timeline: { edges: Array<{ cursor: string, node: { at: string, kind: string, interaction: { id: string, kind: InteractionKind, direction: Direction, summary: string, outcome: string | null, occurredAt: string, nextFollowUpAt: string | null, owner: { id: string, name: string } | null, opportunity: { id: string, title: string } | null } | null, stageChange: { id: string, createdAt: string, note: string | null, fromStage: { id: string, name: string, nameEn: string } | null, toStage: { id: string, name: string, nameEn: string, isWon: boolean, isLost: boolean }, changedBy: { id: string, name: string } | null, opportunity: { id: string, title: string } | null } | null, auditEvent: { id: string, action: string, objectType: string, objectId: string, requestId: string, createdAt: string, note: string | null, actor: { id: string, name: string } | null, changes: Array<{ field: string, old: unknown, new: unknown }> } | null } }> }, opportunities: Array<{ id: string, title: string, expectedCloseDate: string | null, isOpen: boolean, amount: { amount: string, currency: string }, stage: { id: string, name: string, nameEn: string, isWon: boolean, isLost: boolean } }>, tasks: Array<{ id: string, title: string, dueAt: string | null, status: TaskStatus, priority: TaskPriority, version: number, opportunity: { id: string } | null }> }
    | { __typename: 'Employee', id: string }
    | { __typename: 'Interaction', id: string }
    | { __typename: 'Job', id: string }
    | { __typename: 'Lead', id: string }
    | { __typename: 'Notification', id: string }
    | { __typename: 'Opportunity', id: string }
    | { __typename: 'Order', id: string }
    | { __typename: 'OrderLine', id: string }
    | { __typename: 'PayAdjustment', id: string }
    | { __typename: 'PayRun', id: string }
    | { __typename: 'Payment', id: string }
    | { __typename: 'Payslip', id: string }
    | { __typename: 'PipelineStage', id: string }
    | { __typename: 'Product', id: string }
    | { __typename: 'ProductLine', id: string }
    | { __typename: 'ReturnRequest', id: string }
    | { __typename: 'SavedView', id: string }
    | { __typename: 'Shipment', id: string }
    | { __typename: 'StockLevel', id: string }
    | { __typename: 'StockMovement', id: string }
    | { __typename: 'Tag', id: string }
    | { __typename: 'Task', id: string }
    | { __typename: 'Team', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'Warehouse', id: string }
    | { __typename: 'WebhookDelivery', id: string }
    | { __typename: 'WebhookEndpoint', id: string }
    | { __typename: 'Workflow', id: string }
    | { __typename: 'WorkflowRun', id: string }
    | { __typename: 'WorkflowRunStep', id: string }
   | null };

export type LogInteractionMutationVariables = Exact<{
  input: LogInteractionInput;
}>;


export type LogInteractionMutation = { logInteraction: { interaction: { id: string, kind: InteractionKind, summary: string, occurredAt: string } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type UpdateCustomerMutationVariables = Exact<{
  input: UpdateCustomerInput;
}>;


export type UpdateCustomerMutation = { updateCustomer: { customer: { id: string, version: number, name: string, industry: string | null, region: string | null, phone: string | null, email: string | null, lifecycleStage: LifecycleStage, level: CustomerLevel } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type CustomerOrdersQueryVariables = Exact<{
  id: string | number;
}>;


export type CustomerOrdersQuery = { orders: { edges: Array<{ node: { id: string, number: string, status: OrderStatus, createdAt: string, total: { amount: string, currency: string } | null } }> } };

export type CustomerTimelineLiveSubscriptionVariables = Exact<{
  customerId: string | number;
}>;


export type CustomerTimelineLiveSubscription = { customerTimeline: { at: string, kind: string } };

export type DashboardFunnelQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardFunnelQuery = { pipelineSummary: Array<{ count: number, stage: { id: string, name: string, nameEn: string, position: number, isWon: boolean, isLost: boolean }, amounts: Array<{ amount: string, currency: string }> }> };

export type DashboardSalesQueryVariables = Exact<{
  period: PeriodInput;
}>;


export type DashboardSalesQuery = { salesSummary: Array<{ periodStart: string, booked: Array<{ amount: string, currency: string }>, collected: Array<{ amount: string, currency: string }> }> };

export type DashboardLowStockQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardLowStockQuery = { lowStock: Array<{ suggestedQuantity: number, level: { id: string, available: number, reorderPoint: number, product: { id: string, name: string }, warehouse: { id: string, name: string } } }> };

export type DashboardTopRepsQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardTopRepsQuery = { opportunities: { edges: Array<{ node: { id: string, amount: { amount: string, currency: string }, stage: { id: string }, owner: { id: string, name: string } | null } }> }, pipelineStages: Array<{ id: string, isWon: boolean }> };

export type DashboardTeamPerformanceQueryVariables = Exact<{
  period: PeriodInput;
}>;


export type DashboardTeamPerformanceQuery = { teamPerformance: { reps: Array<{ opportunitiesWon: number, winRate: string | null, user: { id: string, name: string }, revenueBooked: Array<{ amount: string, currency: string }>, revenueCollected: Array<{ amount: string, currency: string }> }> } };

export type OrdersQueryVariables = Exact<{
  filter?: OrderFilter | null | undefined;
  orderBy?: Array<OrderSort> | OrderSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OrdersQuery = { orders: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, number: string, status: OrderStatus, paymentStatus: PaymentStatus | null, orderedOn: string, createdAt: string, total: { amount: string, currency: string } | null, customer: { id: string, name: string } | null, owner: { id: string, name: string } | null, shipments: Array<{ id: string, status: ShipmentStatus }> } }> } };

export type OrdersCursorQueryVariables = Exact<{
  filter?: OrderFilter | null | undefined;
  orderBy?: Array<OrderSort> | OrderSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OrdersCursorQuery = { orders: { pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type OrderDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type OrderDetailQuery = { node:
    | { __typename: 'ApprovalAssignee', id: string }
    | { __typename: 'ApprovalDecision', id: string }
    | { __typename: 'ApprovalRequest', id: string }
    | { __typename: 'ApprovalRule', id: string }
    | { __typename: 'AuditEvent', id: string }
    | { __typename: 'CompensationPlan', id: string }
    | { __typename: 'Contact', id: string }
    | { __typename: 'Customer', id: string }
    | { __typename: 'Employee', id: string }
    | { __typename: 'Interaction', id: string }
    | { __typename: 'Job', id: string }
    | { __typename: 'Lead', id: string }
    | { __typename: 'Notification', id: string }
    | { __typename: 'Opportunity', id: string }
    | { __typename: 'Order', number: string, status: OrderStatus, paymentStatus: PaymentStatus | null, currency: string, orderedOn: string, createdAt: string, confirmedAt: string | null, shippedAt: string | null, deliveredAt: string | null, completedAt: string | null, cancelledAt: string | null, cancelReason: string | null, version: number, shipToName: string | null, shipToPhone: string | null, shipToAddress: string | null, id: string, total: { amount: string, currency: string } | null, paid: { amount: string, currency: string } | null, balanceDue: { amount: string, currency: string } | null, customer: { id: string, name: string } | null, owner: { id: string, name: string } | null, warehouse: { id: string, name: string } | null, lines: Array<{ id: string, position: number, quantity: number, reservedQuantity: number, shippedQuantity: number, returnedQuantity: number, unitPrice: { amount: string, currency: string } | null, total: { amount: string, currency: string } | null, product: { id: string, sku: string, name: string } }>, shipments: Array<{ id: string, status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, shippedAt: string | null, deliveredAt: string | null, isReplacement: boolean, warehouse: { id: string, name: string } | null, lines: Array<{ quantity: number, orderLine: { id: string } | null }>, trackingEvents: Array<{ status: ShipmentStatus, occurredAt: string, location: string | null, note: string | null }> }>, payments: Array<{ id: string, method: PaymentMethod, receivedOn: string, reference: string | null, isRefund: boolean, amount: { amount: string, currency: string } }> | null, returns: Array<{ id: string, kind: ReturnKind, status: ReturnStatus, reason: string, rejectReason: string | null, createdAt: string, refund: { amount: string, currency: string } | null, lines: Array<{ quantity: number, orderLine: { id: string, product: { id: string, name: string }, unitPrice: { amount: string, currency: string } | null } | null }> }>, history: { edges: Array<{ node: { id: string, action: string, createdAt: string, note: string | null, actor: { id: string, name: string } | null, changes: Array<{ field: string, old: unknown, new: unknown }> } }> } }
    | { __typename: 'OrderLine', id: string }
    | { __typename: 'PayAdjustment', id: string }
    | { __typename: 'PayRun', id: string }
    | { __typename: 'Payment', id: string }
    | { __typename: 'Payslip', id: string }
    | { __typename: 'PipelineStage', id: string }
    | { __typename: 'Product', id: string }
    | { __typename: 'ProductLine', id: string }
    | { __typename: 'ReturnRequest', id: string }
    | { __typename: 'SavedView', id: string }
    | { __typename: 'Shipment', id: string }
    | { __typename: 'StockLevel', id: string }
    | { __typename: 'StockMovement', id: string }
    | { __typename: 'Tag', id: string }
    | { __typename: 'Task', id: string }
    | { __typename: 'Team', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'Warehouse', id: string }
    | { __typename: 'WebhookDelivery', id: string }
    | { __typename: 'WebhookEndpoint', id: string }
    | { __typename: 'Workflow', id: string }
    | { __typename: 'WorkflowRun', id: string }
    | { __typename: 'WorkflowRunStep', id: string }
   | null };

export type ProductSearchQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type ProductSearchQuery = { products: { edges: Array<{ node: { id: string, sku: string, name: string, trackStock: boolean, listPrice: { amount: string, currency: string } | null, stock: Array<{ id: string, available: number, warehouse: { id: string, name: string } }> } }> } };

export type WarehousesQueryVariables = Exact<{ [key: string]: never; }>;


export type WarehousesQuery = { warehouses: Array<{ id: string, name: string, code: string, isDefault: boolean }> };

export type CreateOrderMutationVariables = Exact<{
  input: CreateOrderInput;
}>;


export type CreateOrderMutation = { createOrder: { order: { id: string, number: string } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type ConfirmOrderMutationVariables = Exact<{
  input: ConfirmOrderInput;
}>;


export type ConfirmOrderMutation = { confirmOrder: { order: { id: string, status: OrderStatus, version: number } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type CancelOrderMutationVariables = Exact<{
  input: CancelOrderInput;
}>;


export type CancelOrderMutation = { cancelOrder: { order: { id: string, status: OrderStatus } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type CreateShipmentMutationVariables = Exact<{
  input: CreateShipmentInput;
}>;


export type CreateShipmentMutation = { createShipment: { shipment: { id: string, status: ShipmentStatus } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type RecordPaymentMutationVariables = Exact<{
  input: RecordPaymentInput;
}>;


export type RecordPaymentMutation = { recordPayment: { payment: { id: string } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type CreateReturnRequestMutationVariables = Exact<{
  input: CreateReturnRequestInput;
}>;


export type CreateReturnRequestMutation = { createReturnRequest: { returnRequest: { id: string, status: ReturnStatus } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type StockLevelsQueryVariables = Exact<{
  filter?: StockLevelFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type StockLevelsQuery = { stockLevels: { totalCount: number, edges: Array<{ node: { id: string, onHand: number, reserved: number, available: number, reorderPoint: number, reorderQuantity: number, product: { id: string, sku: string, name: string }, warehouse: { id: string, name: string } } }> } };

export type StockMovementsQueryVariables = Exact<{
  filter?: StockMovementFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type StockMovementsQuery = { stockMovements: { totalCount: number, edges: Array<{ node: { id: string, kind: StockMovementKind, quantity: number, onHandDelta: number, reservedDelta: number, reason: string | null, referenceType: string | null, createdAt: string, product: { id: string, sku: string, name: string }, warehouse: { id: string, name: string } } }> } };

export type ReceiveStockMutationVariables = Exact<{
  input: ReceiveStockInput;
}>;


export type ReceiveStockMutation = { receiveStock: { level: { id: string, onHand: number, available: number } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type AdjustStockMutationVariables = Exact<{
  input: AdjustStockInput;
}>;


export type AdjustStockMutation = { adjustStock: { level: { id: string, onHand: number, available: number } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type TransferStockMutationVariables = Exact<{
  input: TransferStockInput;
}>;


export type TransferStockMutation = { transferStock: { source: { id: string, onHand: number, available: number } | null, target: { id: string, onHand: number, available: number } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type ApproveReturnMutationVariables = Exact<{
  input: IdInput;
}>;


export type ApproveReturnMutation = { approveReturn: { returnRequest: { id: string, status: ReturnStatus } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type RejectReturnMutationVariables = Exact<{
  input: RejectReturnInput;
}>;


export type RejectReturnMutation = { rejectReturn: { returnRequest: { id: string, status: ReturnStatus } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type ReceiveReturnMutationVariables = Exact<{
  input: IdInput;
}>;


export type ReceiveReturnMutation = { receiveReturn: { returnRequest: { id: string, status: ReturnStatus } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type RefundReturnMutationVariables = Exact<{
  input: RefundReturnInput;
}>;


export type RefundReturnMutation = { refundReturn: { returnRequest: { id: string, status: ReturnStatus } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type UpdateShipmentStatusMutationVariables = Exact<{
  input: UpdateShipmentStatusInput;
}>;


export type UpdateShipmentStatusMutation = { updateShipmentStatus: { shipment: { id: string, status: ShipmentStatus, deliveredAt: string | null } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type PayslipFieldsFragment = { id: string, period: string, employeeName: string, employeeNumber: string, status: PayRunStatus, base: { amount: string, currency: string } | null, commission: { amount: string, currency: string } | null, bonus: { amount: string, currency: string } | null, gross: { amount: string, currency: string } | null, employeeContributions: { amount: string, currency: string } | null, tax: { amount: string, currency: string } | null, net: { amount: string, currency: string } | null, employerCost: { amount: string, currency: string } | null, lines: Array<{ code: string, label: string, explanation: string, amount: { amount: string, currency: string } }> | null };

export type PayRunsQueryVariables = Exact<{ [key: string]: never; }>;


export type PayRunsQuery = { payRuns: { edges: Array<{ node: { id: string, period: string, year: number, month: number, status: PayRunStatus, currency: string, payslipCount: number, calculatedAt: string | null, approvedAt: string | null, paidAt: string | null, version: number, gross: { amount: string, currency: string } | null, net: { amount: string, currency: string } | null, tax: { amount: string, currency: string } | null, employerCost: { amount: string, currency: string } | null } }> } };

export type PayRunPayslipsQueryVariables = Exact<{
  id: string | number;
}>;


export type PayRunPayslipsQuery = { node:
    | { __typename: 'ApprovalAssignee', id: string }
    | { __typename: 'ApprovalDecision', id: string }
    | { __typename: 'ApprovalRequest', id: string }
    | { __typename: 'ApprovalRule', id: string }
    | { __typename: 'AuditEvent', id: string }
    | { __typename: 'CompensationPlan', id: string }
    | { __typename: 'Contact', id: string }
    | { __typename: 'Customer', id: string }
    | { __typename: 'Employee', id: string }
    | { __typename: 'Interaction', id: string }
    | { __typename: 'Job', id: string }
    | { __typename: 'Lead', id: string }
    | { __typename: 'Notification', id: string }
    | { __typename: 'Opportunity', id: string }
    | { __typename: 'Order', id: string }
    | { __typename: 'OrderLine', id: string }
    | { __typename: 'PayAdjustment', id: string }
    | { __typename: 'PayRun', id: string, payslips: { edges: Array<{ node: { id: string, period: string, employeeName: string, employeeNumber: string, status: PayRunStatus, base: { amount: string, currency: string } | null, commission: { amount: string, currency: string } | null, bonus: { amount: string, currency: string } | null, gross: { amount: string, currency: string } | null, employeeContributions: { amount: string, currency: string } | null, tax: { amount: string, currency: string } | null, net: { amount: string, currency: string } | null, employerCost: { amount: string, currency: string } | null, lines: Array<{ code: string, label: string, explanation: string, amount: { amount: string, currency: string } }> | null } }> } | null }
    | { __typename: 'Payment', id: string }
    | { __typename: 'Payslip', id: string }
    | { __typename: 'PipelineStage', id: string }
    | { __typename: 'Product', id: string }
    | { __typename: 'ProductLine', id: string }
    | { __typename: 'ReturnRequest', id: string }
    | { __typename: 'SavedView', id: string }
    | { __typename: 'Shipment', id: string }
    | { __typename: 'StockLevel', id: string }
    | { __typename: 'StockMovement', id: string }
    | { __typename: 'Tag', id: string }
    | { __typename: 'Task', id: string }
    | { __typename: 'Team', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'Warehouse', id: string }
    | { __typename: 'WebhookDelivery', id: string }
    | { __typename: 'WebhookEndpoint', id: string }
    | { __typename: 'Workflow', id: string }
    | { __typename: 'WorkflowRun', id: string }
    | { __typename: 'WorkflowRunStep', id: string }
   | null };

export type EmployeesQueryVariables = Exact<{ [key: string]: never; }>;


export type EmployeesQuery = { employees: { edges: Array<{ node: { id: string, employeeNumber: string, department: string | null, title: string | null, hireDate: string, status: EmployeeStatus, annualLeaveBalance: number, bankAccount: string | null, baseSalary: { amount: string, currency: string } | null, user: { id: string, name: string, email: string } | null, compensationPlan: { id: string, name: string } | null } }> } };

export type CompensationPlansQueryVariables = Exact<{ [key: string]: never; }>;


export type CompensationPlansQuery = { compensationPlans: Array<{ id: string, name: string, description: string | null, currency: string, newCustomerBonus: { amount: string, currency: string } | null, commissionTiers: Array<{ rate: string, threshold: { amount: string, currency: string } }> }> };

export type CreatePayRunMutationVariables = Exact<{
  input: CreatePayRunInput;
}>;


export type CreatePayRunMutation = { createPayRun: { payRun: { id: string, period: string, status: PayRunStatus } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type CalculatePayRunMutationVariables = Exact<{
  input: PayRunInput;
}>;


export type CalculatePayRunMutation = { calculatePayRun: { payRun: { id: string, status: PayRunStatus, payslipCount: number, calculatedAt: string | null, version: number } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type ApprovePayRunMutationVariables = Exact<{
  input: PayRunInput;
}>;


export type ApprovePayRunMutation = { approvePayRun: { payRun: { id: string, status: PayRunStatus, approvedAt: string | null, version: number } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type MarkPayRunPaidMutationVariables = Exact<{
  input: PayRunInput;
}>;


export type MarkPayRunPaidMutation = { markPayRunPaid: { payRun: { id: string, status: PayRunStatus, paidAt: string | null, version: number } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type MyPayslipsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyPayslipsQuery = { myPayslips: { edges: Array<{ node: { id: string, period: string, employeeName: string, employeeNumber: string, status: PayRunStatus, base: { amount: string, currency: string } | null, commission: { amount: string, currency: string } | null, bonus: { amount: string, currency: string } | null, gross: { amount: string, currency: string } | null, employeeContributions: { amount: string, currency: string } | null, tax: { amount: string, currency: string } | null, net: { amount: string, currency: string } | null, employerCost: { amount: string, currency: string } | null, lines: Array<{ code: string, label: string, explanation: string, amount: { amount: string, currency: string } }> | null } }> } };

export type PipelineQueryVariables = Exact<{ [key: string]: never; }>;


export type PipelineQuery = { pipelineStages: Array<{ id: string, name: string, nameEn: string, position: number, probability: number, isWon: boolean, isLost: boolean }>, opportunities: { totalCount: number, edges: Array<{ node: { id: string, title: string, probability: number, expectedCloseDate: string | null, version: number, amount: { amount: string, currency: string }, stage: { id: string }, customer: { id: string, name: string } | null, owner: { id: string, name: string } | null } }> } };

export type MoveOpportunityMutationVariables = Exact<{
  input: MoveOpportunityInput;
}>;


export type MoveOpportunityMutation = { moveOpportunity: { opportunity: { id: string, version: number, probability: number, lostReason: string | null, wonReason: string | null, stage: { id: string } } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type LeadsQueryVariables = Exact<{
  filter?: LeadFilter | null | undefined;
  orderBy?: Array<LeadSort> | LeadSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type LeadsQuery = { leads: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, company: string | null, phone: string | null, email: string | null, source: string | null, status: LeadStatus, score: number, grade: LeadGrade, createdAt: string, owner: { id: string, name: string } | null } }> } };

export type LeadsCursorQueryVariables = Exact<{
  filter?: LeadFilter | null | undefined;
  orderBy?: Array<LeadSort> | LeadSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type LeadsCursorQuery = { leads: { pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConvertLeadMutationVariables = Exact<{
  input: ConvertLeadInput;
}>;


export type ConvertLeadMutation = { convertLead: { lead: { id: string, status: LeadStatus } | null, customer: { id: string, name: string } | null, opportunity: { id: string, title: string } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type MyTasksQueryVariables = Exact<{
  filter?: TaskFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyTasksQuery = { myTasks: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, description: string | null, dueAt: string | null, remindAt: string | null, priority: TaskPriority, status: TaskStatus, isOverdue: boolean, completedAt: string | null, version: number, customer: { id: string, name: string } | null, opportunity: { id: string, title: string } | null } }> } };

export type MyTasksCursorQueryVariables = Exact<{
  filter?: TaskFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyTasksCursorQuery = { myTasks: { pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type UpdateTaskMutationVariables = Exact<{
  input: UpdateTaskInput;
}>;


export type UpdateTaskMutation = { updateTask: { task: { id: string, status: TaskStatus, completedAt: string | null, version: number } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type PipelineSummaryQueryVariables = Exact<{ [key: string]: never; }>;


export type PipelineSummaryQuery = { pipelineSummary: Array<{ count: number, stage: { id: string, name: string, nameEn: string, position: number }, amounts: Array<{ amount: string, currency: string }> }> };

export type CreateLeadMutationVariables = Exact<{
  input: CreateLeadInput;
}>;


export type CreateLeadMutation = { createLead: { lead: { id: string, name: string, status: LeadStatus } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type CreateTaskMutationVariables = Exact<{
  input: CreateTaskInput;
}>;


export type CreateTaskMutation = { createTask: { task: { id: string, title: string, dueAt: string | null, status: TaskStatus, priority: TaskPriority, version: number } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type CreateOpportunityMutationVariables = Exact<{
  input: CreateOpportunityInput;
}>;


export type CreateOpportunityMutation = { createOpportunity: { opportunity: { id: string, title: string, stage: { id: string } } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type StagesQueryVariables = Exact<{ [key: string]: never; }>;


export type StagesQuery = { pipelineStages: Array<{ id: string, name: string, nameEn: string, position: number, probability: number, isWon: boolean, isLost: boolean }> };

export type CustomerPickQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type CustomerPickQuery = { customers: { edges: Array<{ node: { id: string, name: string } }> } };

export type OpportunityDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type OpportunityDetailQuery = { node:
    | { __typename: 'ApprovalAssignee', id: string }
    | { __typename: 'ApprovalDecision', id: string }
    | { __typename: 'ApprovalRequest', id: string }
    | { __typename: 'ApprovalRule', id: string }
    | { __typename: 'AuditEvent', id: string }
    | { __typename: 'CompensationPlan', id: string }
    | { __typename: 'Contact', id: string }
    | { __typename: 'Customer', id: string }
    | { __typename: 'Employee', id: string }
    | { __typename: 'Interaction', id: string }
    | { __typename: 'Job', id: string }
    | { __typename: 'Lead', id: string }
    | { __typename: 'Notification', id: string }
    | { __typename: 'Opportunity', title: string, probability: number, expectedCloseDate: string | null, lostReason: string | null, wonReason: string | null, isOpen: boolean, closedAt: string | null, createdAt: string, version: number, id: string, amount: { amount: string, currency: string }, stage: { id: string, name: string, nameEn: string, isWon: boolean, isLost: boolean, position: number }, owner: { id: string, name: string } | null, customer: { id: string, name: string, tasks: Array<{ id: string, title: string, dueAt: string | null, status: TaskStatus, priority: TaskPriority, version: number, opportunity: { id: string } | null }>, orders: { edges: Array<{ node: { id: string, number: string, status: OrderStatus, orderedOn: string, total: { amount: string, currency: string } | null, opportunity: { id: string } | null } }> }, timeline: { edges: Array<{ node: { at: string, kind: string, interaction: { id: string, kind: InteractionKind, summary: string, outcome: string | null, occurredAt: string, owner: { id: string, name: string } | null, opportunity: { id: string } | null } | null } }> } } | null, stageHistory: { edges: Array<{ node: { id: string, createdAt: string, note: string | null, fromStage: { id: string, name: string, nameEn: string } | null, toStage: { id: string, name: string, nameEn: string, isWon: boolean, isLost: boolean }, changedBy: { id: string, name: string } | null } }> } }
    | { __typename: 'Order', id: string }
    | { __typename: 'OrderLine', id: string }
    | { __typename: 'PayAdjustment', id: string }
    | { __typename: 'PayRun', id: string }
    | { __typename: 'Payment', id: string }
    | { __typename: 'Payslip', id: string }
    | { __typename: 'PipelineStage', id: string }
    | { __typename: 'Product', id: string }
    | { __typename: 'ProductLine', id: string }
    | { __typename: 'ReturnRequest', id: string }
    | { __typename: 'SavedView', id: string }
    | { __typename: 'Shipment', id: string }
    | { __typename: 'StockLevel', id: string }
    | { __typename: 'StockMovement', id: string }
    | { __typename: 'Tag', id: string }
    | { __typename: 'Task', id: string }
    | { __typename: 'Team', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'Warehouse', id: string }
    | { __typename: 'WebhookDelivery', id: string }
    | { __typename: 'WebhookEndpoint', id: string }
    | { __typename: 'Workflow', id: string }
    | { __typename: 'WorkflowRun', id: string }
    | { __typename: 'WorkflowRunStep', id: string }
   | null };

export type PipelineChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type PipelineChangedSubscription = { pipelineChanged: { action: string, opportunity: { id: string, version: number, stage: { id: string } } } };

export type ShipmentQueueQueryVariables = Exact<{
  filter?: ShipmentFilter | null | undefined;
  orderBy?: Array<ShipmentSort> | ShipmentSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  withCustomer: boolean;
}>;


export type ShipmentQueueQuery = { shipments: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, shippedAt: string | null, createdAt: string, warehouse: { id: string, name: string } | null, order: { id: string, number: string, shipToName: string | null, shipToPhone: string | null, shipToAddress: string | null, customer?: { id: string, name: string } | null } | null } }> } };

export type ShipmentQueueCursorQueryVariables = Exact<{
  filter?: ShipmentFilter | null | undefined;
  orderBy?: Array<ShipmentSort> | ShipmentSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ShipmentQueueCursorQuery = { shipments: { pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PickQueueQueryVariables = Exact<{
  filter?: OrderFilter | null | undefined;
  orderBy?: Array<OrderSort> | OrderSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  withCustomer: boolean;
}>;


export type PickQueueQuery = { orders: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, number: string, status: OrderStatus, orderedOn: string, confirmedAt: string | null, shipToName: string | null, shipToPhone: string | null, shipToAddress: string | null, customer?: { id: string, name: string } | null, warehouse: { id: string, name: string } | null, lines: Array<{ id: string, quantity: number, shippedQuantity: number }>, shipments: Array<{ id: string, status: ShipmentStatus }> } }> } };

export type PickQueueCursorQueryVariables = Exact<{
  filter?: OrderFilter | null | undefined;
  orderBy?: Array<OrderSort> | OrderSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PickQueueCursorQuery = { orders: { pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export const CustomerRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"lifecycleStage"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"inPool"}},{"kind":"Field","name":{"kind":"Name","value":"lastFollowUpAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextFollowUpAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}}]}}]} as unknown as DocumentNode<CustomerRowFragment, unknown>;
export const PayslipFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayslipFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payslip"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"employeeName"}},{"kind":"Field","name":{"kind":"Name","value":"employeeNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"base"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"commission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bonus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gross"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employeeContributions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tax"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"net"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employerCost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<PayslipFieldsFragment, unknown>;
export const RefreshTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RefreshTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<RefreshTokenMutation, RefreshTokenMutationVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"permissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"rowScope"}},{"kind":"Field","name":{"kind":"Name","value":"writeScope"}},{"kind":"Field","name":{"kind":"Name","value":"actions"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"access"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const TokenCheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokenCheck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]} as unknown as DocumentNode<TokenCheckQuery, TokenCheckQueryVariables>;
export const UnreadNotificationCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnreadNotificationCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unreadNotificationCount"}}]}}]} as unknown as DocumentNode<UnreadNotificationCountQuery, UnreadNotificationCountQueryVariables>;
export const CustomersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Customers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerSort"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"lifecycleStage"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"inPool"}},{"kind":"Field","name":{"kind":"Name","value":"lastFollowUpAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextFollowUpAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}}]}}]} as unknown as DocumentNode<CustomersQuery, CustomersQueryVariables>;
export const PublicPoolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicPool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerSort"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicPool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"lifecycleStage"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"inPool"}},{"kind":"Field","name":{"kind":"Name","value":"lastFollowUpAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextFollowUpAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}}]}}]} as unknown as DocumentNode<PublicPoolQuery, PublicPoolQueryVariables>;
export const CustomersCursorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomersCursor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerSort"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<CustomersCursorQuery, CustomersCursorQueryVariables>;
export const PublicPoolCursorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicPoolCursor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerSort"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicPool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<PublicPoolCursorQuery, PublicPoolCursorQueryVariables>;
export const CustomerLookupsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerLookups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerLookupsQuery, CustomerLookupsQueryVariables>;
export const TransferTargetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TransferTargets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roles"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"role"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"in"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roles"}}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"NAME"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"ASC"}}]}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TransferTargetsQuery, TransferTargetsQueryVariables>;
export const CreateCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCustomerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<CreateCustomerMutation, CreateCustomerMutationVariables>;
export const AddTagsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddTags"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TagCustomersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addTags"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<AddTagsMutation, AddTagsMutationVariables>;
export const RemoveTagsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveTags"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TagCustomersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeTags"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<RemoveTagsMutation, RemoveTagsMutationVariables>;
export const TransferCustomersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransferCustomers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransferCustomersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferCustomers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<TransferCustomersMutation, TransferCustomersMutationVariables>;
export const ReleaseToPoolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReleaseToPool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReleaseToPoolInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"releaseToPool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<ReleaseToPoolMutation, ReleaseToPoolMutationVariables>;
export const ClaimFromPoolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClaimFromPool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClaimFromPoolInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claimFromPool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<ClaimFromPoolMutation, ClaimFromPoolMutationVariables>;
export const MergeCustomersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MergeCustomers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MergeCustomersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mergeCustomers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<MergeCustomersMutation, MergeCustomersMutationVariables>;
export const CustomerDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"lifecycleStage"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"inPool"}},{"kind":"Field","name":{"kind":"Name","value":"lastFollowUpAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextFollowUpAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"imHandle"}},{"kind":"Field","name":{"kind":"Name","value":"isPrimary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"interaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextFollowUpAt"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"opportunity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"stageChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"fromStage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toStage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"isWon"}},{"kind":"Field","name":{"kind":"Name","value":"isLost"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"opportunity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"objectType"}},{"kind":"Field","name":{"kind":"Name","value":"objectId"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"old"}},{"kind":"Field","name":{"kind":"Name","value":"new"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"opportunities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"isWon"}},{"kind":"Field","name":{"kind":"Name","value":"isLost"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expectedCloseDate"}},{"kind":"Field","name":{"kind":"Name","value":"isOpen"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"opportunity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerDetailQuery, CustomerDetailQueryVariables>;
export const LogInteractionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogInteraction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogInteractionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logInteraction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"interaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<LogInteractionMutation, LogInteractionMutationVariables>;
export const UpdateCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateCustomerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"lifecycleStage"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateCustomerMutation, UpdateCustomerMutationVariables>;
export const CustomerOrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerOrders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"customer"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"eq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerOrdersQuery, CustomerOrdersQueryVariables>;
export const CustomerTimelineLiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CustomerTimelineLive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerTimeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<CustomerTimelineLiveSubscription, CustomerTimelineLiveSubscriptionVariables>;
export const DashboardFunnelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardFunnel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pipelineSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"isWon"}},{"kind":"Field","name":{"kind":"Name","value":"isLost"}}]}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"amounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardFunnelQuery, DashboardFunnelQueryVariables>;
export const DashboardSalesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardSales"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PeriodInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"salesSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"MONTH"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"booked"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"collected"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardSalesQuery, DashboardSalesQueryVariables>;
export const DashboardLowStockDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardLowStock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lowStock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suggestedQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"level"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warehouse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"reorderPoint"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardLowStockQuery, DashboardLowStockQueryVariables>;
export const DashboardTopRepsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardTopReps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"opportunities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pipelineStages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isWon"}}]}}]}}]} as unknown as DocumentNode<DashboardTopRepsQuery, DashboardTopRepsQueryVariables>;
export const DashboardTeamPerformanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardTeamPerformance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PeriodInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teamPerformance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revenueBooked"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revenueCollected"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"opportunitiesWon"}},{"kind":"Field","name":{"kind":"Name","value":"winRate"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardTeamPerformanceQuery, DashboardTeamPerformanceQueryVariables>;
export const OrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Orders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderSort"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"paymentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"orderedOn"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shipments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrdersQuery, OrdersQueryVariables>;
export const OrdersCursorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrdersCursor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderSort"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<OrdersCursorQuery, OrdersCursorQueryVariables>;
export const OrderDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"paymentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"orderedOn"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"shippedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledAt"}},{"kind":"Field","name":{"kind":"Name","value":"cancelReason"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"shipToName"}},{"kind":"Field","name":{"kind":"Name","value":"shipToPhone"}},{"kind":"Field","name":{"kind":"Name","value":"shipToAddress"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balanceDue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warehouse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"reservedQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"shippedQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"returnedQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"shipments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"carrier"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"shippedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"isReplacement"}},{"kind":"Field","name":{"kind":"Name","value":"warehouse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"orderLine"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"trackingEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"receivedOn"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"isRefund"}}]}},{"kind":"Field","name":{"kind":"Name","value":"returns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"rejectReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"refund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"orderLine"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"old"}},{"kind":"Field","name":{"kind":"Name","value":"new"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrderDetailQuery, OrderDetailQueryVariables>;
export const ProductSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"active"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"eq"},"value":{"kind":"BooleanValue","value":true}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"trackStock"}},{"kind":"Field","name":{"kind":"Name","value":"listPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"warehouse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProductSearchQuery, ProductSearchQueryVariables>;
export const WarehousesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Warehouses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"warehouses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}}]}}]} as unknown as DocumentNode<WarehousesQuery, WarehousesQueryVariables>;
export const CreateOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<CreateOrderMutation, CreateOrderMutationVariables>;
export const ConfirmOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmOrderMutation, ConfirmOrderMutationVariables>;
export const CancelOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<CancelOrderMutation, CancelOrderMutationVariables>;
export const CreateShipmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateShipment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateShipmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createShipment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shipment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<CreateShipmentMutation, CreateShipmentMutationVariables>;
export const RecordPaymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPaymentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<RecordPaymentMutation, RecordPaymentMutationVariables>;
export const CreateReturnRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateReturnRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateReturnRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createReturnRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<CreateReturnRequestMutation, CreateReturnRequestMutationVariables>;
export const StockLevelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StockLevels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"StockLevelFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stockLevels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"reserved"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"reorderPoint"}},{"kind":"Field","name":{"kind":"Name","value":"reorderQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warehouse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<StockLevelsQuery, StockLevelsQueryVariables>;
export const StockMovementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StockMovements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"StockMovementFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stockMovements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"onHandDelta"}},{"kind":"Field","name":{"kind":"Name","value":"reservedDelta"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"referenceType"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warehouse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<StockMovementsQuery, StockMovementsQueryVariables>;
export const ReceiveStockDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReceiveStock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReceiveStockInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receiveStock"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"available"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<ReceiveStockMutation, ReceiveStockMutationVariables>;
export const AdjustStockDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdjustStock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdjustStockInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adjustStock"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"available"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<AdjustStockMutation, AdjustStockMutationVariables>;
export const TransferStockDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransferStock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransferStockInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferStock"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"available"}}]}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"available"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<TransferStockMutation, TransferStockMutationVariables>;
export const ApproveReturnDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveReturn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveReturn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<ApproveReturnMutation, ApproveReturnMutationVariables>;
export const RejectReturnDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectReturn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RejectReturnInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectReturn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<RejectReturnMutation, RejectReturnMutationVariables>;
export const ReceiveReturnDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReceiveReturn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receiveReturn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<ReceiveReturnMutation, ReceiveReturnMutationVariables>;
export const RefundReturnDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefundReturn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RefundReturnInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundReturn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<RefundReturnMutation, RefundReturnMutationVariables>;
export const UpdateShipmentStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateShipmentStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateShipmentStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateShipmentStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shipment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateShipmentStatusMutation, UpdateShipmentStatusMutationVariables>;
export const PayRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PayRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"24"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"payslipCount"}},{"kind":"Field","name":{"kind":"Name","value":"calculatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"gross"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"net"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tax"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employerCost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PayRunsQuery, PayRunsQueryVariables>;
export const PayRunPayslipsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PayRunPayslips"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PayRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payslips"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PayslipFields"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayslipFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payslip"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"employeeName"}},{"kind":"Field","name":{"kind":"Name","value":"employeeNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"base"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"commission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bonus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gross"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employeeContributions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tax"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"net"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employerCost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<PayRunPayslipsQuery, PayRunPayslipsQueryVariables>;
export const EmployeesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Employees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"employees"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"employeeNumber"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"hireDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"annualLeaveBalance"}},{"kind":"Field","name":{"kind":"Name","value":"baseSalary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bankAccount"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"compensationPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<EmployeesQuery, EmployeesQueryVariables>;
export const CompensationPlansDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompensationPlans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"compensationPlans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"newCustomerBonus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"commissionTiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CompensationPlansQuery, CompensationPlansQueryVariables>;
export const CreatePayRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePayRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePayRunInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPayRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<CreatePayRunMutation, CreatePayRunMutationVariables>;
export const CalculatePayRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CalculatePayRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PayRunInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"calculatePayRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"payslipCount"}},{"kind":"Field","name":{"kind":"Name","value":"calculatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<CalculatePayRunMutation, CalculatePayRunMutationVariables>;
export const ApprovePayRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApprovePayRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PayRunInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approvePayRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<ApprovePayRunMutation, ApprovePayRunMutationVariables>;
export const MarkPayRunPaidDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkPayRunPaid"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PayRunInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markPayRunPaid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<MarkPayRunPaidMutation, MarkPayRunPaidMutationVariables>;
export const MyPayslipsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyPayslips"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myPayslips"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"24"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PayslipFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayslipFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payslip"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"employeeName"}},{"kind":"Field","name":{"kind":"Name","value":"employeeNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"base"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"commission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bonus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gross"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employeeContributions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tax"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"net"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employerCost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<MyPayslipsQuery, MyPayslipsQueryVariables>;
export const PipelineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Pipeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pipelineStages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"probability"}},{"kind":"Field","name":{"kind":"Name","value":"isWon"}},{"kind":"Field","name":{"kind":"Name","value":"isLost"}}]}},{"kind":"Field","name":{"kind":"Name","value":"opportunities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"probability"}},{"kind":"Field","name":{"kind":"Name","value":"expectedCloseDate"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PipelineQuery, PipelineQueryVariables>;
export const MoveOpportunityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MoveOpportunity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MoveOpportunityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moveOpportunity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"opportunity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"probability"}},{"kind":"Field","name":{"kind":"Name","value":"stage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lostReason"}},{"kind":"Field","name":{"kind":"Name","value":"wonReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<MoveOpportunityMutation, MoveOpportunityMutationVariables>;
export const LeadsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Leads"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LeadFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LeadSort"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LeadsQuery, LeadsQueryVariables>;
export const LeadsCursorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LeadsCursor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LeadFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LeadSort"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<LeadsCursorQuery, LeadsCursorQueryVariables>;
export const ConvertLeadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConvertLead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConvertLeadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"convertLead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"opportunity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<ConvertLeadMutation, ConvertLeadMutationVariables>;
export const MyTasksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyTasks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TaskFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myTasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"remindAt"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"opportunity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyTasksQuery, MyTasksQueryVariables>;
export const MyTasksCursorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyTasksCursor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TaskFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myTasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MyTasksCursorQuery, MyTasksCursorQueryVariables>;
export const UpdateTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateTaskMutation, UpdateTaskMutationVariables>;
export const PipelineSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PipelineSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pipelineSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"amounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<PipelineSummaryQuery, PipelineSummaryQueryVariables>;
export const CreateLeadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateLead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateLeadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createLead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<CreateLeadMutation, CreateLeadMutationVariables>;
export const CreateTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<CreateTaskMutation, CreateTaskMutationVariables>;
export const CreateOpportunityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateOpportunity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOpportunityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOpportunity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"opportunity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"stage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<CreateOpportunityMutation, CreateOpportunityMutationVariables>;
export const StagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Stages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pipelineStages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"probability"}},{"kind":"Field","name":{"kind":"Name","value":"isWon"}},{"kind":"Field","name":{"kind":"Name","value":"isLost"}}]}}]}}]} as unknown as DocumentNode<StagesQuery, StagesQueryVariables>;
export const CustomerPickDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerPick"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"NAME"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"ASC"}}]}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerPickQuery, CustomerPickQueryVariables>;
export const OpportunityDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpportunityDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Opportunity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"probability"}},{"kind":"Field","name":{"kind":"Name","value":"expectedCloseDate"}},{"kind":"Field","name":{"kind":"Name","value":"lostReason"}},{"kind":"Field","name":{"kind":"Name","value":"wonReason"}},{"kind":"Field","name":{"kind":"Name","value":"isOpen"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"isWon"}},{"kind":"Field","name":{"kind":"Name","value":"isLost"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"opportunity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orderedOn"}},{"kind":"Field","name":{"kind":"Name","value":"opportunity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"interaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"opportunity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"stageHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"fromStage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toStage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"isWon"}},{"kind":"Field","name":{"kind":"Name","value":"isLost"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OpportunityDetailQuery, OpportunityDetailQueryVariables>;
export const PipelineChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"PipelineChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pipelineChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"opportunity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"stage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PipelineChangedSubscription, PipelineChangedSubscriptionVariables>;
export const ShipmentQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShipmentQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ShipmentFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ShipmentSort"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withCustomer"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shipments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"carrier"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"shippedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"warehouse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"shipToName"}},{"kind":"Field","name":{"kind":"Name","value":"shipToPhone"}},{"kind":"Field","name":{"kind":"Name","value":"shipToAddress"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withCustomer"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ShipmentQueueQuery, ShipmentQueueQueryVariables>;
export const ShipmentQueueCursorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShipmentQueueCursor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ShipmentFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ShipmentSort"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shipments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ShipmentQueueCursorQuery, ShipmentQueueCursorQueryVariables>;
export const PickQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PickQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderSort"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withCustomer"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"orderedOn"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"shipToName"}},{"kind":"Field","name":{"kind":"Name","value":"shipToPhone"}},{"kind":"Field","name":{"kind":"Name","value":"shipToAddress"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withCustomer"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warehouse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"shippedQuantity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shipments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PickQueueQuery, PickQueueQueryVariables>;
export const PickQueueCursorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PickQueueCursor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderSort"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<PickQueueCursorQuery, PickQueueCursorQueryVariables>;