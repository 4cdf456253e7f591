/** How many customers the sample workbook has unless the page asks for more (`?customers=100000`). */
export const CUSTOMER_COUNT = 2000;
