/**
 * Every label a formula or the panel writes, in English and Vietnamese, in one table.
 * BCG labels follow the Vietnamese source material (Ngôi sao, Dấu hỏi, Bò sữa, Chó gặm xương).
 */
export type Lang = 'en' | 'vi';

export const LABELS = {
  abcA: { en: 'A', vi: 'A' },
  abcB: { en: 'B', vi: 'B' },
  abcC: { en: 'C', vi: 'C' },
  xyzX: { en: 'X', vi: 'X' },
  xyzY: { en: 'Y', vi: 'Y' },
  xyzZ: { en: 'Z', vi: 'Z' },

  bcgStar: { en: 'Star', vi: 'Ngôi sao' },
  bcgQuestionMark: { en: 'Question Mark', vi: 'Dấu hỏi' },
  bcgCashCow: { en: 'Cash Cow', vi: 'Bò sữa' },
  bcgDog: { en: 'Dog', vi: 'Chó gặm xương' },

  priorityFocus: { en: 'Focus', vi: 'Tập trung' },
  priorityBuild: { en: 'Build', vi: 'Xây dựng' },
  priorityOpportunistic: { en: 'Opportunistic', vi: 'Tận dụng cơ hội' },
  priorityDeprioritise: { en: 'Deprioritise', vi: 'Giảm ưu tiên' },

  tierTop: { en: 'Top', vi: 'Siêu cấp' },
  tierLarge: { en: 'Large', vi: 'Lớn' },
  tierMedium: { en: 'Medium', vi: 'Vừa' },
  tierSmall: { en: 'Small', vi: 'Nhỏ' },
  tierInactive: { en: 'Inactive', vi: 'Không hoạt động' },

  stageProspect: { en: 'Prospect', vi: 'Tiềm năng' },
  stageLost: { en: 'Lost', vi: 'Đã mất' },
  stageAtRisk: { en: 'At Risk', vi: 'Nguy cơ' },
  stageNew: { en: 'New', vi: 'Mới' },
  stageEvangelist: { en: 'Evangelist', vi: 'Truyền giáo' },
  stageLoyal: { en: 'Loyal', vi: 'Trung thành' },
  stageActive: { en: 'Active', vi: 'Hiện hữu' },

  rfmChampions: { en: 'Champions', vi: 'Nhà vô địch' },
  rfmPotentialLoyalist: { en: 'Potential Loyalist', vi: 'Tiềm năng trung thành' },
  rfmLoyalCustomers: { en: 'Loyal Customers', vi: 'Khách hàng trung thành' },
  rfmPromising: { en: 'Promising', vi: 'Hứa hẹn' },
  rfmNewCustomers: { en: 'New Customers', vi: 'Khách hàng mới' },
  rfmCantLoseThem: { en: "Can't Lose Them", vi: 'Không thể để mất' },
  rfmAtRisk: { en: 'At Risk', vi: 'Có nguy cơ' },
  rfmNeedAttention: { en: 'Need Attention', vi: 'Cần quan tâm' },
  rfmAboutToSleep: { en: 'About To Sleep', vi: 'Sắp ngủ đông' },
  rfmLost: { en: 'Lost', vi: 'Đã mất' },
  rfmOthers: { en: 'Others', vi: 'Khác' },

  /** Customer value: bands of P(alive), the chance a customer still buys (Active ≥ 0.7, At risk, Likely lost < 0.3). */
  clvActive: { en: 'Active', vi: 'Đang gắn bó' },
  clvAtRisk: { en: 'At risk', vi: 'Nguy cơ rời bỏ' },
  clvLikelyLost: { en: 'Likely lost', vi: 'Có lẽ đã rời bỏ' },

  headerCustomer: { en: 'Customer', vi: 'Khách hàng' },
  headerLastPurchase: { en: 'Last purchase', vi: 'Lần mua cuối' },
  headerRecencyDays: { en: 'Recency (days)', vi: 'Số ngày từ lần mua cuối' },
  headerOrders: { en: 'Orders', vi: 'Số đơn' },
  headerRevenue: { en: 'Revenue', vi: 'Doanh thu' },
  headerR: { en: 'R', vi: 'R' },
  headerF: { en: 'F', vi: 'F' },
  headerM: { en: 'M', vi: 'M' },
  headerRfmScore: { en: 'RFM score', vi: 'Điểm RFM' },
  headerSegment: { en: 'Segment', vi: 'Phân khúc' },
  headerFirstPurchase: { en: 'First purchase', vi: 'Lần mua đầu' },
  headerRepeatPurchases: { en: 'Repeat purchases', vi: 'Số lần mua lại' },
  headerAgeDays: { en: 'Age (days)', vi: 'Số ngày từ lần mua đầu' },
  headerPAlive: { en: 'P(alive)', vi: 'Khả năng còn mua' },
  headerExpectedPurchases: { en: 'Expected purchases', vi: 'Số lần mua dự kiến' },
  headerExpectedOrderValue: { en: 'Expected order value', vi: 'Giá trị đơn dự kiến' },
  headerClv: { en: 'CLV', vi: 'Giá trị vòng đời' },
  headerParameter: { en: 'Parameter', vi: 'Tham số' },
  clvAlphaDays: { en: 'alpha (days)', vi: 'alpha (ngày)' },
  clvBgnbdLogLikelihood: { en: 'BG/NBD log-likelihood', vi: 'Log-hợp lý BG/NBD' },
  clvGammaGammaLogLikelihood: { en: 'Gamma-Gamma log-likelihood', vi: 'Log-hợp lý Gamma-Gamma' },
  clvCustomers: { en: 'customers', vi: 'khách hàng' },
  clvRepeatCustomers: { en: 'customers with repeat purchases', vi: 'khách hàng mua lại' },
  headerTag: { en: 'Tag', vi: 'Nhãn' },
  headerCustomers: { en: 'Customers', vi: 'Số khách hàng' },
  headerCustomerShare: { en: 'Customer share', vi: 'Tỷ lệ khách hàng' },
  headerValue: { en: 'Value', vi: 'Giá trị' },
  headerValueShare: { en: 'Value share', vi: 'Tỷ lệ giá trị' },
  headerAverageValue: { en: 'Average value', vi: 'Giá trị trung bình' },
  headerTotal: { en: 'Total', vi: 'Tổng' },
  headerItem: { en: 'Item', vi: 'Mục' },
  headerCumulativeShare: { en: 'Cumulative share', vi: 'Tỷ lệ cộng dồn' },
  headerMainTrait: { en: 'Main trait', vi: 'Đặc điểm chính' },
  headerShare: { en: 'Share', vi: 'Tỷ lệ' },
  summarySheet: { en: 'Segment summary', vi: 'Tổng hợp phân khúc' },
  /** The sheet Customer value writes: its customer table, with the model and the segments' summary above it. */
  customerValueSheet: { en: 'Customer value', vi: 'Giá trị khách hàng' },
  /** k-means: the word before a cluster's number ("Cluster 1", "Cụm 1"). */
  cluster: { en: 'Cluster', vi: 'Cụm' },
  noGroup: { en: 'In no group', vi: 'Không thuộc nhóm nào' },
  noTag: { en: 'Not tagged', vi: 'Chưa gắn nhãn' },
} as const satisfies Record<string, Record<Lang, string>>;

export type LabelKey = keyof typeof LABELS;

export function label(key: LabelKey, lang: Lang): string {
  return LABELS[key][lang];
}

/** A k-means cluster's name in the language: "Cluster 2", "Cụm 2". */
export function clusterLabel(cluster: number, lang: Lang): string {
  return `${label('cluster', lang)} ${cluster}`;
}
